// /__emu/users: list, get, create/update a TikTok user, and revoke its authorization (authorization.removed).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { revokeUser } from "../oauth/token-grants.ts";
import { emitWebhook } from "../webhooks/emit.ts";
import { parseBody } from "./parse-body.ts";
import { revokeBody, userPatch } from "./schemas.ts";
import { publicUser } from "./user-view.ts";

export function userRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();

  app.get("/users", (c) => c.json([...emu.state.users.values()].map((u) => publicUser(emu, u))));
  app.get("/users/:username", (c) => {
    const u = emu.state.users.get(c.req.param("username"));
    return u ? c.json(publicUser(emu, u)) : c.json({ error: "unknown user" }, 404);
  });
  app.put("/users/:username", async (c) => {
    const r = await parseBody(c.req.raw, userPatch);
    if (!r.ok) return c.json({ error: r.error }, 400);
    return c.json(publicUser(emu, emu.upsertUser(c.req.param("username"), r.data)));
  });
  app.post("/users/:username/revoke", async (c) => {
    const u = emu.state.users.get(c.req.param("username"));
    const r = await parseBody(c.req.raw, revokeBody);
    if (!u) return c.json({ error: "unknown user" }, 404);
    if (!r.ok) return c.json({ error: r.error }, 400);
    revokeUser(emu, u.openId);
    emitWebhook(emu, u.openId, "authorization.removed", { reason: r.data.reason ?? 1 });
    return c.json({ ok: true });
  });

  return app;
}
