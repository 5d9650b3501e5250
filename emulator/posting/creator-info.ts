// POST /v2/post/publish/creator_info/query/: creator profile, or a "cannot post" code with HTTP 200 (§3.1).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import { faultsMiddleware } from "../core/faults.ts";
import type { EmuEnv } from "../core/http.ts";
import { fail, ok } from "../core/http.ts";
import { rateLimit } from "../core/rate-limit.ts";
import { avatarUrl } from "../display/cdn.ts";
import { bearer, requireScope } from "../oauth/bearer-auth.ts";
import { directPostBlock } from "./caps.ts";

const BLOCK_MESSAGES: Record<string, string> = {
  spam_risk_too_many_posts: "The user has reached the daily post limit. Please try again later.",
  spam_risk_user_banned_from_posting: "The user is banned from making new posts.",
  reached_active_user_cap: "The daily quota of active publishing users for this client has been reached.",
};

export function creatorInfoRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.post(
    "/v2/post/publish/creator_info/query/",
    bearer(emu),
    faultsMiddleware(emu),
    rateLimit(emu, "creator_info", "creatorInfo"),
    requireScope("video.publish"),
    (c) => {
      const user = emu.state.userByOpenId(c.get("openId") ?? "");
      if (!user) return fail(c, 401, "access_token_invalid", "The access token is invalid or not found in the request.");
      const block = directPostBlock(emu, user);
      // Deliberately HTTP 200 with a non-ok code: "creator cannot post right now".
      if (block) return fail(c, 200, block, BLOCK_MESSAGES[block]);
      return ok(c, {
        creator_avatar_url: avatarUrl(emu, user, emu.baseUrl(c.req.url)),
        creator_username: user.username,
        creator_nickname: user.nickname,
        privacy_level_options: emu.privacyOptions(user),
        comment_disabled: user.commentDisabled,
        // Private accounts cannot be dueted or stitched (§3.1).
        duet_disabled: user.duetDisabled || user.isPrivate,
        stitch_disabled: user.stitchDisabled || user.isPrivate,
        max_video_post_duration_sec: user.maxVideoPostDurationSec,
      });
    },
  );
  return app;
}
