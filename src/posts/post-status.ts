// A post's statuses and modes, and which statuses a person may still edit or cancel. Pure data, shared by the
// Worker, the API contract and the web app (one definition, no copies).

export const POST_STATUSES = [
  /** Saved from the composer without a time; only a person moves it on (schedule, queue, discard). */
  "draft",
  "pending_approval",
  "scheduled",
  "queued",
  "publishing",
  "published",
  "sent_to_inbox",
  "failed",
  "cancelled",
  "missed",
  "unconfirmed",
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const POST_MODES = ["direct", "inbox"] as const;
export type PostMode = (typeof POST_MODES)[number];

/**
 * Statuses in which PATCH works. `unconfirmed` is editable: rescheduling it is the user's decision after checking
 * TikTok. A post waiting for approval is editable too (by an editor it keeps waiting; by an admin it is scheduled).
 */
export const EDITABLE_STATUSES = [
  "pending_approval",
  "scheduled",
  "queued",
  "missed",
  "failed",
  "unconfirmed",
] as const satisfies readonly PostStatus[];
/** Statuses in which DELETE (cancel) works: nothing has been sent to TikTok yet. */
export const CANCELLABLE_STATUSES = ["pending_approval", "scheduled", "queued", "missed"] as const satisfies readonly PostStatus[];
/** The statuses a post is created in: `pending_approval` when its workspace wants an admin's approval first. */
export const INITIAL_STATUSES = ["scheduled", "pending_approval"] as const satisfies readonly PostStatus[];
/** Statuses after which nothing more happens on their own. */
export const FINAL_STATUSES = [
  "draft",
  "published",
  "sent_to_inbox",
  "failed",
  "cancelled",
  "missed",
  "unconfirmed",
] as const satisfies readonly PostStatus[];
