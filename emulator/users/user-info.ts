// GET /v2/user/info/?fields=…: fields gated by scope (tiktok-api.md §2).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import { faultsMiddleware } from "../core/faults.ts";
import type { EmuEnv } from "../core/http.ts";
import { fail, ok } from "../core/http.ts";
import { rateLimit } from "../core/rate-limit.ts";
import type { User } from "../core/types.ts";
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

function fieldValue(emu: Emulator, u: User, field: string): unknown {
  const avatar = emu.avatarUrl(u);
  const values: Record<string, unknown> = {
    open_id: u.openId,
    union_id: u.unionId,
    avatar_url: avatar,
    avatar_url_100: avatar,
    avatar_large_url: avatar,
    display_name: u.nickname,
    username: u.username,
    bio_description: u.bio,
    profile_deep_link: `https://vm.tiktok.com/emulator/${u.username}/`,
    is_verified: u.isVerified,
    follower_count: 0,
    following_count: 0,
    likes_count: 0,
    video_count: [...emu.state.publishes.values()].filter((p) => p.openId === u.openId && p.status === "PUBLISH_COMPLETE").length,
  };
  return values[field];
}

export function userInfoRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.get("/v2/user/info/", bearer(emu), faultsMiddleware(emu), rateLimit(emu, "user_info", "userInfo"), (c) => {
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
    return ok(c, { user: Object.fromEntries(fields.map((f) => [f, fieldValue(emu, user, f)])) });
  });
  return app;
}
