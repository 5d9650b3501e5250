// Human labels and formatting shared by the pages.
import { CANCELLABLE_STATUSES, EDITABLE_STATUSES, FINAL_STATUSES } from "../../../src/posts/post-status.ts";
import type { AccountStatus, PostStatus, PrivacyLevel } from "../api.ts";

/** TikTok privacy levels in the words TikTok's own app uses (tiktok-api.md §3.1). Unknown values show as-is. */
export const PRIVACY_LABELS: Record<string, string> = {
  PUBLIC_TO_EVERYONE: "Everyone",
  MUTUAL_FOLLOW_FRIENDS: "Friends",
  FOLLOWER_OF_CREATOR: "Followers",
  SELF_ONLY: "Only me",
} satisfies Record<PrivacyLevel, string>;

export const privacyLabel = (level: string | null): string => (level ? (PRIVACY_LABELS[level] ?? level) : "—");

export const STATUS_LABELS: Record<PostStatus, string> = {
  pending_approval: "Waiting for approval",
  scheduled: "Scheduled",
  queued: "Queued",
  publishing: "Publishing",
  published: "Published",
  sent_to_inbox: "Sent to inbox",
  failed: "Failed",
  cancelled: "Cancelled",
  missed: "Missed",
  unconfirmed: "Unconfirmed",
};

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  active: "Active",
  needs_reconnect: "Needs reconnect",
  disconnected: "Disconnected",
};

// The API's own lists (src/posts/post-status.ts), typed PostStatus[] so `.includes(post.status)` takes any status.
/** DELETE works on these. */
export const CANCELLABLE: readonly PostStatus[] = CANCELLABLE_STATUSES;
/** PATCH works on these; anything else answers 409 post_not_editable. */
export const EDITABLE: readonly PostStatus[] = EDITABLE_STATUSES;
/** Nothing more happens to these on their own. */
export const TERMINAL: readonly PostStatus[] = FINAL_STATUSES;

/** e.g. "Mar 8, 2026, 3:30:00 PM" in the given zone; falls back to UTC (labelled) if the zone is unknown here. */
export function formatInZone(iso: string | null, timeZone: string): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "medium" };
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(date);
  } catch {
    // RangeError: this browser doesn't know the stored zone.
    return `${new Intl.DateTimeFormat(undefined, { ...options, timeZone: "UTC" }).format(date)} UTC`;
  }
}

/** Short zone name at that instant, e.g. "EDT" or "GMT+5:30". */
export function zoneAbbreviation(iso: string, timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }).formatToParts(new Date(iso));
    return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return ""; // unknown zone: the caller already shows the zone's IANA name
  }
}

/** "0.4 s", "12 s", "3 min 5 s" */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 10_000) return `${(abs / 1000).toFixed(1)} s`;
  if (abs < 60_000) return `${Math.round(abs / 1000)} s`;
  const minutes = Math.floor(abs / 60_000);
  const seconds = Math.round((abs % 60_000) / 1000);
  if (minutes < 60) return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "started 0.4 s after schedule" / "published 3 s before schedule" */
export function formatLateness(verb: string, ms: number): string {
  return `${verb} ${formatDuration(ms)} ${ms < 0 ? "before" : "after"} schedule`;
}

export function formatRelative(iso: string, nowMs: number = Date.now()): string {
  const ms = nowMs - new Date(iso).getTime();
  if (Number.isNaN(ms)) return iso;
  if (Math.abs(ms) < 1500) return "just now";
  return ms > 0 ? `${formatDuration(ms)} ago` : `in ${formatDuration(ms)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function excerpt(text: string, max = 90): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
