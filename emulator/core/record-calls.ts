// Middleware appending every non-control request to the ledger's `calls`.
import type { MiddlewareHandler } from "hono";
import type { Emulator } from "./emulator.ts";
import type { EmuEnv } from "./http.ts";

/** Appends every non-control request to the ledger's `calls`. */
export function recordCalls(emu: Emulator): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    await next();
    if (c.req.path.startsWith("/__emu/")) return;
    emu.state.ledger.calls.push({
      endpoint: c.req.path,
      method: c.req.method,
      open_id: c.get("openId") ?? null,
      at: emu.now(),
      status: c.res.status,
      code: c.get("errCode") ?? null,
    });
  };
}
