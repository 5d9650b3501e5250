// TikTok error codes and what we do about each (tiktok-api.md §4, §3.7).

export type ErrorAction = "retry" | "fix" | "reconnect" | "user" | "wait" | "unknown";

export class TikTokError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly logId: string | null;

  constructor(code: string, message: string, httpStatus: number, logId: string | null = null) {
    super(message || code);
    this.code = code;
    this.httpStatus = httpStatus;
    this.logId = logId;
  }

  get action(): ErrorAction {
    return actionFor(this.code, this.httpStatus);
  }
}

const USER_CODES = new Set([
  "spam_risk_too_many_posts",
  "spam_risk_too_many_pending_share",
  "spam_risk_user_banned_from_posting",
  "reached_active_user_cap",
  "unaudited_client_can_only_post_to_private_accounts",
  "privacy_level_option_mismatch",
  "invalid_file_upload",
]);

export function actionFor(code: string, httpStatus: number): ErrorAction {
  if (code === "rate_limit_exceeded" || httpStatus === 429) return "wait";
  if (code === "access_token_invalid") return "reconnect";
  if (code === "scope_not_authorized" || code === "invalid_grant") return "reconnect";
  if (USER_CODES.has(code)) return "user";
  if (code === "network_error" || code === "internal_error" || httpStatus >= 500) return "retry";
  if (httpStatus >= 400) return "fix";
  return "unknown";
}

/** A sentence a creator understands, with what to do next. */
export function explain(code: string, fallback = ""): string {
  return MESSAGES[code] ?? (fallback ? `TikTok said: ${fallback} (${code})` : `TikTok rejected the post (${code})`);
}

const MESSAGES: Record<string, string> = {
  spam_risk_too_many_posts:
    "TikTok's daily posting limit for this account is reached. Post from the TikTok app or reschedule for tomorrow.",
  spam_risk_too_many_pending_share:
    "This account has too many drafts waiting in its TikTok inbox. Post or delete them in the TikTok app, then reschedule.",
  spam_risk_user_banned_from_posting: "TikTok does not allow this account to post right now.",
  reached_active_user_cap: "Postflare has reached TikTok's daily limit of creators who can post through it. Try again tomorrow.",
  unaudited_client_can_only_post_to_private_accounts:
    "This app is not yet audited by TikTok: the account must be private and the post set to 'Only me'.",
  privacy_level_option_mismatch:
    "The chosen privacy level is no longer offered for this account (it may have switched between public and private). Edit the post and pick who can view it again.",
  url_ownership_unverified: "TikTok could not verify ownership of the media URL.",
  access_token_invalid: "TikTok no longer accepts this account's connection. Reconnect the account.",
  scope_not_authorized: "The account did not grant the posting permission. Reconnect it and allow posting.",
  invalid_grant: "TikTok no longer accepts this account's connection. Reconnect the account.",
  file_format_check_failed: "TikTok could not read the video file. Use an MP4 (H.264), WebM or MOV file.",
  duration_check_failed: "The video is longer than this account may post on TikTok. Trim it and schedule again.",
  frame_rate_check_failed: "TikTok needs a frame rate between 23 and 60 fps. Re-export the video.",
  picture_size_check_failed: "TikTok needs a width and height between 360 and 4096 pixels. Re-export the video.",
  video_pull_failed: "TikTok could not download the video from Postflare.",
  publish_cancelled: "The publish was cancelled.",
  auth_removed: "The creator removed Postflare's access in TikTok. Reconnect the account.",
  spam_risk_text: "TikTok flagged the caption. Edit the caption and schedule again.",
  spam_risk: "TikTok's moderation refused this post.",
  internal: "TikTok had an internal error while processing the video.",
};
