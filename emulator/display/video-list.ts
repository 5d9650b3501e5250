// POST /v2/video/list/?fields=…: the caller's public videos, newest first, `max_count` 1–20 (default 10) per page,
// paged by `cursor` (ms: videos posted before it), with `has_more` (tiktok-api.md §2.1).
import { Hono } from "hono";
import { z } from "zod";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { ok } from "../core/http.ts";
import { displayGuards, displayRequest } from "./display-request.ts";
import { publicVideosOf, videoObject } from "./videos.ts";

const listBody = z.object({
  cursor: z.number().int().nonnegative().optional(),
  max_count: z.number().int().min(1).max(20).optional(),
});

export function videoListRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.post("/v2/video/list/", displayGuards(emu, "video_list", "videoList"), async (c) => {
    const req = await displayRequest(c, listBody);
    if (req instanceof Response) return req;
    const openId = c.get("openId") ?? "";
    // No cursor: from the newest video (one posted this very millisecond included).
    const cursor = req.body.cursor ?? Number.MAX_SAFE_INTEGER;
    const older = publicVideosOf(emu, openId).filter((v) => v.createdAt < cursor);
    const page = older.slice(0, req.body.max_count ?? 10);
    const user = emu.state.userByOpenId(openId);
    const base = emu.baseUrl(c.req.url);
    return ok(c, {
      videos: page.map((v) => videoObject(emu, v, user, req.fields, base)),
      cursor: page.at(-1)?.createdAt ?? req.body.cursor ?? emu.now(),
      has_more: older.length > page.length,
    });
  });
  return app;
}
