// A TikTok account's connection statuses. Pure data, shared by the database schema, the API contract and the web app.

export const ACCOUNT_STATUSES = ["active", "needs_reconnect", "disconnected"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
