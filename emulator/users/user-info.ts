// GET /v2/user/info/?fields=…: every documented field, each gated by its scope (tiktok-api.md §2); avatars are
// signed URLs that expire; stats are set through the control API (video_count counts public videos only).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import { faultsMiddleware } from "../core/faults.ts";
import type { EmuEnv } from "../core/http.ts";
import { fail, ok } from "../core/http.ts";
import { readRateLimit } from "../core/rate-limit.ts";
import type { User } from "../core/types.ts";
import { avatarUrl } from "../display/cdn.ts";
import { metricsOf, publicVideosOf } from "../display/videos.ts";
import { bearer } from "../oauth/bearer-auth.ts";

const FIELD_SCOPE: Record<string, string> = {
  open_id: "user.info.basic",
  union_id: "user.info.basic",
  avatar_url: "user.info.basic",
  avatar_url_100: "user.info.basic",
  avatar_large_url: "user.info.basic",
  display_name: "user.info.basic",
  username: "user.info.profile",
  bio_description: "user.info.profile",
  profile_deep_link: "user.info.profile",
  is_verified: "user.info.profile",
  follower_count: "user.info.stats",
  following_count: "user.info.stats",
  likes_count: "user.info.stats",
  video_count: "user.info.stats",
};

function fieldValue(emu: Emulator, u: User, field: string, base: string): unknown {
  const videos = publicVideosOf(emu, u.openId);
  const values: Record<string, () => unknown> = {
    open_id: () => u.openId,
    union_id: () => u.unionId,
    avatar_url: () => avatarUrl(emu, u, base, "168"),
    avatar_url_100: () => avatarUrl(emu, u, base, "100"),
    avatar_large_url: () => avatarUrl(emu, u, base, "720"),
    display_name: () => u.nickname,
    username: () => u.username,
    bio_description: () => u.bio,
    profile_deep_link: () => `https://vm.tiktok.com/emulator/${u.username}/`,
    is_verified: () => u.isVerified,
    follower_count: () => u.followerCount,
    following_count: () => u.followingCount,
    likes_count: () => u.likesCount ?? videos.reduce((sum, v) => sum + metricsOf(emu, v).like_count, 0),
    // Public posts only (tiktok-api.md §2.1).
    video_count: () => videos.length,
  };
  return values[field]?.();
}

export function userInfoRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.get("/v2/user/info/", bearer(emu), faultsMiddleware(emu), readRateLimit(emu, "user_info", "userInfo"), (c) => {
    const fields = (c.req.query("fields") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (fields.length === 0) return fail(c, 400, "invalid_params", "fields is required.");
    const unknown = fields.filter((f) => !(f in FIELD_SCOPE));
    if (unknown.length) return fail(c, 400, "invalid_params", `Unknown fields: ${unknown.join(",")}`);
    const scopes = c.get("token")?.scopes ?? [];
    const missing = fields.filter((f) => !scopes.includes(FIELD_SCOPE[f]));
    if (missing.length) {
      return fail(c, 400, "scope_permission_missed", `The user did not authorize the scope required for fields: ${missing.join(",")}`);
    }
    const user = emu.state.userByOpenId(c.get("openId") ?? "");
    if (!user) return fail(c, 401, "access_token_invalid", "The access token is invalid or not found in the request.");
    const base = emu.baseUrl(c.req.url);
    return ok(c, { user: Object.fromEntries(fields.map((f) => [f, fieldValue(emu, user, f, base)])) });
  });
  return app;
}
