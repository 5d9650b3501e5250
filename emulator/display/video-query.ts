// POST /v2/video/query/?fields=…: up to 20 of the caller's own public videos by id (ids are strings); unknown,
// foreign or private ids are left out. Each answer signs a fresh cover_image_url (tiktok-api.md §2.1).
import { Hono } from "hono";
import { z } from "zod";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { ok } from "../core/http.ts";
import { displayGuards, displayRequest } from "./display-request.ts";
import { videoObject } from "./videos.ts";

const queryBody = z.object({
  filters: z.object({
    video_ids: z
      .array(z.string({ error: "video ids must be strings" }).regex(/^\d+$/, "video ids are digits"))
      .min(1)
      .max(20),
  }),
});

export function videoQueryRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.post("/v2/video/query/", displayGuards(emu, "video_query", "videoQuery"), async (c) => {
    const req = await displayRequest(c, queryBody);
    if (req instanceof Response) return req;
    const openId = c.get("openId") ?? "";
    const ids = req.body.filters.video_ids;
    emu.state.ledger.videoQueries.push({ open_id: openId, at: emu.now(), video_ids: ids });
    const user = emu.state.userByOpenId(openId);
    const base = emu.baseUrl(c.req.url);
    const videos = ids
      .map((id) => emu.state.videos.get(id))
      .filter((v) => v !== undefined && v.openId === openId && v.isPublic)
      .map((v) => videoObject(emu, v!, user, req.fields, base));
    return ok(c, { videos, cursor: 0, has_more: false });
  });
  return app;
}
