// Distance to TikTok (option apiLatencyMs): the answer to every API call is held back by a round trip, after the
// request was handled, so clients feel the distance while the ledger still records when each request arrived.
import type { MiddlewareHandler } from "hono";
import type { Emulator } from "./emulator.ts";
import type { EmuEnv } from "./http.ts";

export function apiLatency(emu: Emulator): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    await next();
    const ms = emu.options.apiLatencyMs;
    if (ms > 0 && !c.req.path.startsWith("/__emu/")) await new Promise((r) => setTimeout(r, ms));
  };
}
