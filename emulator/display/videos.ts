// The creator's videos as the Display API shows them (tiktok-api.md §2.1): one per completed post, public once
// moderation passed, with counts that grow as the emulator's clock moves (or are fixed by the control API).
import type { Emulator } from "../core/emulator.ts";
import type { User, Video, VideoMetrics } from "../core/types.ts";
import { coverUrl } from "./cdn.ts";

export const VIDEO_FIELDS = [
  "id",
  "create_time",
  "cover_image_url",
  "share_url",
  "video_description",
  "duration",
  "height",
  "width",
  "title",
  "embed_html",
  "embed_link",
  "like_count",
  "comment_count",
  "share_count",
  "view_count",
] as const;
export type VideoField = (typeof VIDEO_FIELDS)[number];

/** `fields` is required and every name must be known; returns the names or a message for invalid_params. */
export function parseFields(raw: string | undefined): VideoField[] | string {
  const fields = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (fields.length === 0) return "fields is required.";
  const unknown = fields.filter((f) => !(VIDEO_FIELDS as readonly string[]).includes(f));
  return unknown.length ? `Unknown fields: ${unknown.join(",")}` : (fields as VideoField[]);
}

export function addVideo(emu: Emulator, video: Video): Video {
  emu.state.videos.set(video.id, video);
  return video;
}

/** The user's public videos, newest first. */
export function publicVideosOf(emu: Emulator, openId: string): Video[] {
  return [...emu.state.videos.values()].filter((v) => v.openId === openId && v.isPublic).sort((a, b) => b.createdAt - a.createdAt);
}

/** Fixed counts, or a curve that only grows: views ∝ age^0.75 with a per-video factor, the rest a share of views. */
export function metricsOf(emu: Emulator, video: Video): VideoMetrics {
  if (video.metrics) return video.metrics;
  if (!emu.options.metricsGrowth) return { view_count: 0, like_count: 0, comment_count: 0, share_count: 0 };
  const hours = Math.max(0, emu.now() - video.createdAt) / 3_600_000;
  const factor = 0.5 + (Number(video.id.slice(-4)) % 150) / 100;
  const views = Math.floor(factor * 120 * hours ** 0.75);
  return {
    view_count: views,
    like_count: Math.floor(views * 0.09),
    comment_count: Math.floor(views * 0.012),
    share_count: Math.floor(views * 0.006),
  };
}

const clip = (text: string) => [...text].slice(0, 150).join("");

/** One video object with exactly the requested fields; `id` is a string (the Display API's "item_id"). */
export function videoObject(emu: Emulator, video: Video, user: User | undefined, fields: VideoField[], base: string) {
  const shareUrl = `https://www.tiktok.com/@${user?.username ?? "user"}/video/${video.id}`;
  const values: Record<VideoField, unknown> = {
    id: video.id,
    create_time: Math.floor(video.createdAt / 1000),
    cover_image_url: coverUrl(emu, video, base),
    share_url: shareUrl,
    video_description: clip(video.title),
    duration: video.durationSec,
    height: 1920,
    width: 1080,
    title: clip(video.title),
    embed_html: `<blockquote class="tiktok-embed" cite="${shareUrl}" data-video-id="${video.id}"></blockquote>`,
    embed_link: `https://www.tiktok.com/player/v1/${video.id}`,
    ...metricsOf(emu, video),
  };
  return Object.fromEntries(fields.map((f) => [f, values[f]]));
}
