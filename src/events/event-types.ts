// The integration events Postflare reports (outgoing webhooks, alerts). Pure data, shared by the Worker and the
// API contract. `video.ready` / `video.rejected` fire when the probe's verdict is stored.
export const EVENT_TYPES = [
  "post.scheduled",
  "post.published",
  "post.failed",
  "post.missed",
  "post.unconfirmed",
  "post.preflight_warning",
  "account.needs_reconnect",
  "video.ready",
  "video.rejected",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Which post status reports which event: a move into one of these statuses is that event. */
export const POST_STATUS_EVENTS = {
  scheduled: "post.scheduled",
  published: "post.published",
  failed: "post.failed",
  missed: "post.missed",
  unconfirmed: "post.unconfirmed",
} as const;

/** Facts recorded without a status change (post-progress.ts) that are events too, by their timeline event type. */
export const POST_FACT_EVENTS = { preflight_warning: "post.preflight_warning" } as const;
