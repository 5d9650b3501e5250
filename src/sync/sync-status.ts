// An account sync's statuses and the scopes it needs beyond publishing. Pure data, shared by the database schema,
// the API contract and the web app.

export const SYNC_STATUSES = ["pending", "ok", "error", "needs_reconnect"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Asked for at connect besides the publishing scopes; an account without them still publishes, without stats. */
export const SYNC_SCOPES = ["user.info.profile", "user.info.stats", "video.list"] as const;
