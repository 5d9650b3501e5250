// TikTok's image CDN as the emulator serves it: avatars and covers behind signed URLs that expire
// (avatars ~2 h, covers ~6 h, tiktok-api.md §2, §2.1). Expired or tampered links answer 403, as a CDN would.
import { createHmac } from "node:crypto";
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { safeEqual } from "../core/ids.ts";
import type { User, Video } from "../core/types.ts";

// Two 8×8 baseline JPEGs (TikTok red for avatars, TikTok cyan for covers), made with ffmpeg.
const AVATAR_JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgEBAQEBAUFBQUFBQYGBgYGBgYGBgYGBgYHBwcICAgHBwcGBgcHCAgICAkJCQgICAgJCQoKCgwMCwsODg4RERT/xABMAAEBAAAAAAAAAAAAAAAAAAAABQEBAQAAAAAAAAAAAAAAAAAABAcQAQAAAAAAAAAAAAAAAAAAAAARAQAAAAAAAAAAAAAAAAAAAAD/wAARCAAIAAgDASIAAhEAAxEA/9oADAMBAAIRAxEAPwCeAAsr/9k=",
  "base64",
);
const COVER_JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgEBAQEBAUFBQUFBQYGBgYGBgYGBgYGBgYHBwcICAgHBwcGBgcHCAgICAkJCQgICAgJCQoKCgwMCwsODg4RERT/xABMAAEBAAAAAAAAAAAAAAAAAAAABgEBAQAAAAAAAAAAAAAAAAAABgcQAQAAAAAAAAAAAAAAAAAAAAARAQAAAAAAAAAAAAAAAAAAAAD/wAARCAAIAAgDASIAAhEAAxEA/9oADAMBAAIRAxEAPwC2AIEZf//Z",
  "base64",
);

export type AvatarSize = "168" | "100" | "720";

const signature = (emu: Emulator, path: string, expires: number) =>
  createHmac("sha256", emu.options.clientSecret).update(`${path}:${expires}`).digest("hex");

function signed(emu: Emulator, base: string, path: string, ttlSec: number): string {
  const expires = Math.floor(emu.now() / 1000) + ttlSec;
  return `${base}${path}?x-expires=${expires}&x-signature=${signature(emu, path, expires)}`;
}

/** The path names the picture (it changes when the creator changes it); the query only signs it. */
export function avatarUrl(emu: Emulator, user: User, base: string, size: AvatarSize = "168"): string {
  return signed(emu, base, `/cdn/avatar/${user.openId}/v${user.avatarVersion}/${size}.jpeg`, emu.options.avatarUrlTtlSec);
}

export function coverUrl(emu: Emulator, video: Video, base: string): string {
  return signed(emu, base, `/cdn/cover/${video.id}.jpeg`, emu.options.coverUrlTtlSec);
}

export function cdnRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.get("/cdn/:kind{avatar|cover}/*", (c) => {
    const expires = Number(c.req.query("x-expires"));
    const sig = c.req.query("x-signature") ?? "";
    const path = c.req.path;
    if (!Number.isSafeInteger(expires) || !safeEqual(sig, signature(emu, path, expires))) return c.text("Forbidden", 403);
    if (expires * 1000 <= emu.now()) return c.text("Forbidden: URL expired", 403);
    const bytes = c.req.param("kind") === "avatar" ? AVATAR_JPEG : COVER_JPEG;
    return c.body(new Uint8Array(bytes), 200, { "Content-Type": "image/jpeg", "Cache-Control": "private, max-age=3600" });
  });
  return app;
}
