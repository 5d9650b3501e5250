// Limits a post is checked against, shared by the Worker and the web app (pure constants: imports nothing).

/** TikTok's documented Direct Post cap per creator per 24 h (varies by creator; shared across apps). */
export const DAILY_POST_CAP = 15;
/** A time a few seconds in the past still counts as "now" (clock skew, form submit time); earlier is refused. */
export const PAST_TOLERANCE_MS = 10_000;
/** How long after a cancel "Undo" still restores the post (the web app offers it for 5 s). */
export const UNDO_CANCEL_MS = 60_000;
