// A post's timeline in plain words: each event type as a sentence (the API's message, codes and log ids stay
// behind "Technical details").
import type { Post, PostEvent } from "../api.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { formatDuration, formatShort } from "./format.ts";

const TITLES: Record<string, MessageKey> = {
  scheduled: "timeline.scheduled",
  draft_saved: "timeline.draftSaved",
  unscheduled: "timeline.unscheduled",
  restored: "timeline.restored",
  edited: "timeline.edited",
  queued: "timeline.queued",
  paced: "timeline.paced",
  publishing: "timeline.publishing",
  init_accepted: "timeline.sent",
  uploaded: "timeline.uploaded",
  published: "timeline.published",
  sent_to_inbox: "timeline.inbox",
  post_id: "timeline.postId",
  failed: "timeline.failed",
  cancelled: "timeline.cancelled",
  missed: "timeline.missed",
  unconfirmed: "timeline.unconfirmed",
  retrying: "timeline.retrying",
  rate_limited: "timeline.rateLimited",
  source_fallback: "timeline.fallback",
  pull_cancelled: "timeline.pullCancelled",
  upload_restarted: "timeline.uploadRestarted",
  creator_settings: "timeline.creatorSettings",
  preflight_ok: "timeline.preflightOk",
  preflight_warning: "timeline.preflightWarning",
  "webhook:post.publish.complete": "timeline.confirmed",
  "webhook:post.publish.publicly_available": "timeline.live",
  "webhook:post.publish.inbox_delivered": "timeline.inbox",
  "webhook:post.publish.failed": "timeline.failed",
};

/** Event types whose API message is the reason a person needs to read, not a technical detail. */
const EXPLAINS = new Set([
  "failed",
  "webhook:post.publish.failed",
  "missed",
  "unconfirmed",
  "preflight_warning",
  "creator_settings",
  "retrying",
]);

/** `latestSend`: this is the post's last send to TikTok, the one its timing figures describe. */
export function eventTitle(event: PostEvent, post: Post, latestSend: boolean): string {
  const key = TITLES[event.type];
  if (!key) return event.message;
  if (event.type === "init_accepted" && latestSend && post.timing.startLatenessMs !== null && post.scheduledAt) {
    const ms = post.timing.startLatenessMs;
    return t("timeline.sentAfter", { when: t(ms < 0 ? "time.before" : "time.after", { duration: formatDuration(ms) }) });
  }
  if (event.type === "scheduled" && post.scheduledAt)
    return t("timeline.scheduledFor", { when: formatShort(post.scheduledAt, post.timezone) });
  return t(key);
}

/** The sentence under the title, when the event carries a reason in words. */
export const eventReason = (event: PostEvent): string | null => (EXPLAINS.has(event.type) ? event.message : null);
