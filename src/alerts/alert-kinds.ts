// Alerts: which integration events alert people, the channels, and the defaults when a person chose nothing.
// Pure data, shared by the Worker and the API contract.
export const ALERTS = ["failed", "missed", "unconfirmed", "needs_reconnect", "preflight_warning", "published", "digest"] as const;
export type Alert = (typeof ALERTS)[number];

/** Channels a person picks for themselves; Slack and Discord are the workspace's (alert channels). */
export const PERSONAL_CHANNELS = ["in_app", "email"] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];
export const SHARED_CHANNELS = ["slack", "discord"] as const;

export const ALERT_OF_EVENT = {
  "post.failed": "failed",
  "post.missed": "missed",
  "post.unconfirmed": "unconfirmed",
  "account.needs_reconnect": "needs_reconnect",
  "post.preflight_warning": "preflight_warning",
  "post.published": "published",
  "workspace.digest": "digest",
} as const;

/** Problems reach everyone in the app and by email; a warning in the app; a publish and the daily digest only to those who opt in. */
export const DEFAULT_PREFERENCES = {
  failed: ["in_app", "email"],
  missed: ["in_app", "email"],
  unconfirmed: ["in_app", "email"],
  needs_reconnect: ["in_app", "email"],
  preflight_warning: ["in_app"],
  published: [],
  digest: [],
} as const;
