// Control API under /__emu/ for tests and scripts: reset, config, users, faults, the ledger, inbox posting.
import { Hono } from "hono";
import type { z } from "zod";
import { configPatch, faultsBody, inboxPostBody, revokeBody, userPatch } from "./schemas.ts";
import { publicUser } from "../core/emulator.ts";
import type { Emulator } from "../core/emulator.ts";
import { FAULT_KEYS } from "../core/faults.ts";
import type { FaultSet } from "../core/types.ts";
import type { EmuEnv } from "../core/http.ts";
import { complete, publishType } from "../posting/lifecycle.ts";
import { expireAccessTokens, revokeUser } from "../oauth/token-grants.ts";
import { emitWebhook } from "../webhooks/webhooks.ts";
import { recordView } from "./record-view.ts";

async function parse<T extends z.ZodType>(req: Request, schema: T): Promise<{ ok: true; data: z.infer<T> } | { ok: false; error: string }> {
  const text = await req.text();
  let raw: unknown = {};
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    return { ok: false, error: "body is not JSON" };
  }
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, data: r.data } : { ok: false, error: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
}

export function controlRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>().basePath("/__emu");

  app.post("/reset", (c) => {
    emu.reset();
    return c.json({ ok: true });
  });

  app.get("/config", (c) => c.json(emu.options));
  app.patch("/config", async (c) => {
    const r = await parse(c.req.raw, configPatch);
    if (!r.ok) return c.json({ error: r.error }, 400);
    emu.configure(r.data);
    return c.json(emu.options);
  });

  app.get("/users", (c) => c.json([...emu.state.users.values()].map((u) => publicUser(emu, u))));
  app.get("/users/:username", (c) => {
    const u = emu.state.users.get(c.req.param("username"));
    return u ? c.json(publicUser(emu, u)) : c.json({ error: "unknown user" }, 404);
  });
  app.put("/users/:username", async (c) => {
    const r = await parse(c.req.raw, userPatch);
    if (!r.ok) return c.json({ error: r.error }, 400);
    return c.json(publicUser(emu, emu.upsertUser(c.req.param("username"), r.data)));
  });
  app.post("/users/:username/revoke", async (c) => {
    const u = emu.state.users.get(c.req.param("username"));
    const r = await parse(c.req.raw, revokeBody);
    if (!u) return c.json({ error: "unknown user" }, 404);
    if (!r.ok) return c.json({ error: r.error }, 400);
    revokeUser(emu, u.openId);
    emitWebhook(emu, u.openId, "authorization.removed", { reason: r.data.reason ?? 1 });
    return c.json({ ok: true });
  });

  app.get("/faults", (c) => c.json({ global: emu.state.globalFaults, users: Object.fromEntries(emu.state.userFaults) }));
  app.put("/faults", async (c) => {
    const r = await parse(c.req.raw, faultsBody);
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

  app.get("/record", (c) => c.json(recordView(emu, c.req.query("openId"))));

  app.post("/publishes/:publishId/inbox-post", async (c) => {
    const p = emu.state.publishes.get(c.req.param("publishId"));
    const r = await parse(c.req.raw, inboxPostBody);
    if (!r.ok) return c.json({ error: r.error }, 400);
    if (!p) return c.json({ error: "unknown publish_id" }, 404);
    if (p.mode !== "inbox" || (p.status !== "SEND_TO_USER_INBOX" && p.status !== "PUBLISH_COMPLETE")) {
      return c.json({ error: `publish is ${p.mode}/${p.status}; only delivered inbox drafts can be posted` }, 409);
    }
    complete(emu, p, r.data.privacy_level ?? "PUBLIC_TO_EVERYONE");
    return c.json({ publish_id: p.publishId, status: p.status, publish_type: publishType(p), completeCount: p.completeCount });
  });

  return app;
}
