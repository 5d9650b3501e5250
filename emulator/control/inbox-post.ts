// POST /__emu/publishes/:publishId/inbox-post: the user posts a delivered inbox draft (→ PUBLISH_COMPLETE).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { complete, publishType } from "../posting/lifecycle.ts";
import { parseBody } from "./parse-body.ts";
import { inboxPostBody } from "./schemas.ts";

export function inboxPostRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();

  app.post("/publishes/:publishId/inbox-post", async (c) => {
    const p = emu.state.publishes.get(c.req.param("publishId"));
    const r = await parseBody(c.req.raw, inboxPostBody);
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
