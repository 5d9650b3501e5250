// /__emu control of what the Display API reports: a user's stats, a video's counts, videos posted outside the API
// (from the TikTok app), and the list of a user's videos with their current counts.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { postIdDigits } from "../core/ids.ts";
import type { Video } from "../core/types.ts";
import { addVideo, metricsOf } from "../display/videos.ts";
import { parseBody } from "./parse-body.ts";
import { newVideoBody, userStatsBody, videoMetricsBody } from "./schemas.ts";

const view = (emu: Emulator, v: Video) => ({
  id: v.id,
  open_id: v.openId,
  create_time: Math.floor(v.createdAt / 1000),
  createdAt: v.createdAt,
  title: v.title,
  is_public: v.isPublic,
  fixed: v.metrics !== null,
  ...metricsOf(emu, v),
});

export function videoRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();

  app.put("/users/:username/stats", async (c) => {
    const u = emu.state.users.get(c.req.param("username"));
    const r = await parseBody(c.req.raw, userStatsBody);
    if (!u) return c.json({ error: "unknown user" }, 404);
    if (!r.ok) return c.json({ error: r.error }, 400);
    const { follower_count, following_count, likes_count } = r.data;
    emu.upsertUser(u.username, { followerCount: follower_count, followingCount: following_count });
    if (likes_count !== undefined) u.likesCount = likes_count;
    return c.json({ follower_count: u.followerCount, following_count: u.followingCount, likes_count: u.likesCount });
  });

  app.get("/users/:username/videos", (c) => {
    const u = emu.state.users.get(c.req.param("username"));
    if (!u) return c.json({ error: "unknown user" }, 404);
    const mine = [...emu.state.videos.values()].filter((v) => v.openId === u.openId).sort((a, b) => b.createdAt - a.createdAt);
    return c.json(mine.map((v) => view(emu, v)));
  });

  app.post("/users/:username/videos", async (c) => {
    const u = emu.state.users.get(c.req.param("username"));
    const r = await parseBody(c.req.raw, newVideoBody);
    if (!u) return c.json({ error: "unknown user" }, 404);
    if (!r.ok) return c.json({ error: r.error }, 400);
    const video = addVideo(emu, {
      id: postIdDigits(emu.options.postIdFormat === "safe-number"),
      openId: u.openId,
      createdAt: r.data.create_time === undefined ? emu.now() : r.data.create_time * 1000,
      title: r.data.title ?? "",
      durationSec: r.data.duration ?? 15,
      isPublic: r.data.is_public ?? true,
      metrics: null,
    });
    return c.json(view(emu, video), 201);
  });

  app.put("/videos/:id/metrics", async (c) => {
    const v = emu.state.videos.get(c.req.param("id"));
    const r = await parseBody(c.req.raw, videoMetricsBody);
    if (!v) return c.json({ error: "unknown video" }, 404);
    if (!r.ok) return c.json({ error: r.error }, 400);
    v.metrics = { ...metricsOf(emu, v), ...r.data };
    return c.json(view(emu, v));
  });

  return app;
}
