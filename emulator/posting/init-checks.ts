// Init policy checks (tiktok-api.md §3.2-3.6): chunk plan and URL ownership, Direct Post rules, inbox caps.
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Emulator } from "../core/emulator.ts";
import type { User } from "../core/types.ts";
import { chunkPlanProblem } from "../uploads/chunk-plan.ts";
import { directPostBlock, pendingShares } from "./caps.ts";
import { isVerifiedUrl } from "./pull.ts";
import type { PostInfo, SourceInfo } from "./schemas.ts";

/** Builds the error Response; checks return it, or null when they pass. */
export type Reject = (status: ContentfulStatusCode, code: string, message: string) => Response;

export function sourceProblem(emu: Emulator, s: SourceInfo, reject: Reject): Response | null {
  if (s.source === "FILE_UPLOAD") {
    const plan = { videoSize: s.video_size, chunkSize: s.chunk_size, chunkCount: s.total_chunk_count };
    return chunkPlanProblem(plan, emu.options.chunkRules) ? reject(400, "invalid_params", "The chunk size is invalid") : null;
  }
  if (!URL.canParse(s.video_url)) return reject(400, "invalid_param", "video_url is not a valid URL.");
  // https only, under a verified domain/prefix; an http prefix may be verified for local testing.
  if (!isVerifiedUrl(s.video_url, emu.options.verifiedUrlPrefixes)) {
    return reject(403, "url_ownership_unverified", "The video_url's domain or URL prefix is not verified for this app.");
  }
  return null;
}

export function directProblem(emu: Emulator, user: User, post: PostInfo, reject: Reject): Response | null {
  const block = directPostBlock(emu, user);
  if (block) return reject(403, block, `The creator cannot post right now (${block}).`);
  if (emu.options.unaudited && (post.privacy_level !== "SELF_ONLY" || !user.isPrivate)) {
    return reject(
      403,
      "unaudited_client_can_only_post_to_private_accounts",
      "Unaudited clients can only post to private accounts with SELF_ONLY visibility.",
    );
  }
  if (!post.privacy_level || !emu.privacyOptions(user).includes(post.privacy_level)) {
    return reject(403, "privacy_level_option_mismatch", "privacy_level is missing or not among the creator's privacy_level_options.");
  }
  if (post.brand_content_toggle && post.privacy_level === "SELF_ONLY") {
    return reject(400, "invalid_param", "Branded content visibility cannot be set to private.");
  }
  return null;
}

export function inboxProblem(emu: Emulator, user: User, reject: Reject): Response | null {
  if (user.cannotPost === "spam_risk_user_banned_from_posting") {
    return reject(403, "spam_risk_user_banned_from_posting", "The user is banned from making new posts.");
  }
  if (pendingShares(emu, user.openId) >= emu.options.pendingShareCap) {
    return reject(403, "spam_risk_too_many_pending_share", "The user has too many pending inbox shares.");
  }
  return null;
}
