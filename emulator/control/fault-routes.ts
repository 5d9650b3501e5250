// /__emu/faults: read, merge (global or per open_id, plus the expireTokens action) and clear injected faults.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import { FAULT_KEYS } from "../core/faults.ts";
import type { EmuEnv } from "../core/http.ts";
import type { FaultSet } from "../core/types.ts";
import { expireAccessTokens } from "../oauth/token-grants.ts";
import { parseBody } from "./parse-body.ts";
import { faultsBody } from "./schemas.ts";

export function faultRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();

  app.get("/faults", (c) => c.json({ global: emu.state.globalFaults, users: Object.fromEntries(emu.state.userFaults) }));
  app.put("/faults", async (c) => {
    const r = await parseBody(c.req.raw, faultsBody);
    if (!r.ok) return c.json({ error: r.error }, 400);
    const { openId, expireTokens, ...rest } = r.data;
    const target: FaultSet = openId ? (emu.state.userFaults.get(openId) ?? {}) : emu.state.globalFaults;
    for (const k of FAULT_KEYS) if (rest[k] !== undefined) Object.assign(target, { [k]: rest[k] });
    if (openId) emu.state.userFaults.set(openId, target);
    const expired = expireTokens ? expireAccessTokens(emu, openId) : 0;
    return c.json({ faults: target, expiredTokens: expired });
  });
  app.delete("/faults", (c) => {
    const openId = c.req.query("openId");
    if (openId) emu.state.userFaults.delete(openId);
    else {
      emu.state.globalFaults = {};
      emu.state.userFaults.clear();
    }
    return c.json({ ok: true });
  });

  return app;
}
