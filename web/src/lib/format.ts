// Labels and formatting shared by the pages: every date, time and number through Intl in the browser's locale
// (12/24 h, digits, week start), every word from the message catalogue.
import { CANCELLABLE_STATUSES, EDITABLE_STATUSES, FINAL_STATUSES } from "../../../src/posts/post-status.ts";
import type { AccountStatus, PostStatus, PrivacyLevel } from "../api.ts";
import { LOCALE, type MessageKey, t } from "../i18n/index.ts";

const PRIVACY_KEYS: Record<PrivacyLevel, MessageKey> = {
  PUBLIC_TO_EVERYONE: "privacy.PUBLIC_TO_EVERYONE",
  MUTUAL_FOLLOW_FRIENDS: "privacy.MUTUAL_FOLLOW_FRIENDS",
  FOLLOWER_OF_CREATOR: "privacy.FOLLOWER_OF_CREATOR",
  SELF_ONLY: "privacy.SELF_ONLY",
};

/** TikTok privacy levels in the words TikTok's own app uses (tiktok-api.md §3.1). Unknown values show as-is. */
export const privacyLabel = (level: string | null): string =>
  level ? (level in PRIVACY_KEYS ? t(PRIVACY_KEYS[level as PrivacyLevel]) : level) : t("common.none");

export const statusLabel = (status: PostStatus): string => t(`status.${status}`);
export const accountStatusLabel = (status: AccountStatus): string => t(`accountStatus.${status}`);

// The API's own lists (src/posts/post-status.ts), typed PostStatus[] so `.includes(post.status)` takes any status.
/** DELETE works on these. */
export const CANCELLABLE: readonly PostStatus[] = CANCELLABLE_STATUSES;
/** PATCH works on these; anything else answers 409 post_not_editable. */
export const EDITABLE: readonly PostStatus[] = EDITABLE_STATUSES;
/** Nothing more happens to these on their own. */
export const TERMINAL: readonly PostStatus[] = FINAL_STATUSES;
/** Still to come: the calendar lets these be dragged. */
export const UPCOMING: readonly PostStatus[] = ["scheduled", "queued"];
/** Something a person must decide. */
export const NEEDS_ATTENTION: readonly PostStatus[] = ["failed", "missed", "unconfirmed"];

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
    } catch {
      // RangeError: this browser doesn't know the stored zone; UTC, labelled by the callers that show zones.
      format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: "UTC" });
    }
    cache.set(key, format);
  }
  return format;
}

const toDate = (value: string | number) => new Date(value);

/** e.g. "8 Mar 2026, 15:30:00" (or "Mar 8, 2026, 3:30:00 PM") in the given zone. */
export function formatInZone(value: string | number | null, timeZone: string): string {
  if (value === null) return t("common.none");
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat({ dateStyle: "medium", timeStyle: "medium" }, timeZone).format(date);
}

/** "Tuesday 16 March 2027 at 09:00" (the locale's words and order). */
export function formatLong(value: string | number, timeZone: string): string {
  return dateFormat({ dateStyle: "full", timeStyle: "short" }, timeZone).format(toDate(value));
}

/** "Tue 16 Mar, 09:00". */
export function formatShort(value: string | number, timeZone: string): string {
  return dateFormat({ weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }, timeZone).format(
    toDate(value),
  );
}

/** "09:00" / "9:00 AM". */
export function formatTime(value: string | number, timeZone: string): string {
  return dateFormat({ hour: "numeric", minute: "2-digit" }, timeZone).format(toDate(value));
}

/** "Tuesday 16 March" / "Tue 16". */
export function formatDay(value: string | number, timeZone: string, style: "long" | "short" = "long"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "long" ? { weekday: "long", day: "numeric", month: "long" } : { weekday: "short", day: "numeric" };
  return dateFormat(options, timeZone).format(toDate(value));
}

export function formatMonth(value: string | number, timeZone: string): string {
  return dateFormat({ month: "long", year: "numeric" }, timeZone).format(toDate(value));
}

/** A wall-clock "HH:MM" the locale's way ("18:00", "6:00 PM"). */
export function formatClock(hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  return dateFormat({ hour: "numeric", minute: "2-digit" }, "UTC").format(Date.UTC(2024, 0, 1, h ?? 0, m ?? 0));
}

/** A weekday name (1 = Monday … 7 = Sunday). */
export function weekdayName(isoDay: number, style: "long" | "short" = "long"): string {
  // 2024-01-01 was a Monday.
  return dateFormat({ weekday: style }, "UTC").format(Date.UTC(2024, 0, isoDay));
}

/** Short zone name at that instant, e.g. "EDT" or "GMT+5:30". */
export function zoneAbbreviation(value: string | number, timeZone: string): string {
  const parts = dateFormat({ timeZoneName: "short" }, timeZone).formatToParts(toDate(value));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
}

export const zoneName = (zone: string) => zone.replaceAll("_", " ");

const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
];

/** "in 3 days", "2 minutes ago", "now". */
export function formatRelative(value: string | number, nowMs: number = Date.now()): string {
  const ms = toDate(value).getTime() - nowMs;
  if (Number.isNaN(ms)) return String(value);
  for (const [unit, size] of UNITS) if (Math.abs(ms) >= size) return relative.format(Math.round(ms / size), unit);
  return relative.format(0, "second");
}

const seconds = new Intl.NumberFormat(LOCALE, { style: "unit", unit: "second", unitDisplay: "short", maximumSignificantDigits: 2 });
const wholeSeconds = new Intl.NumberFormat(LOCALE, { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 0 });
const minutes = new Intl.NumberFormat(LOCALE, { style: "unit", unit: "minute", unitDisplay: "short", maximumFractionDigits: 0 });
const hours = new Intl.NumberFormat(LOCALE, { style: "unit", unit: "hour", unitDisplay: "short", maximumFractionDigits: 1 });

/** "0.02 sec", "12 sec", "3 min", "2.5 hr" (absolute). */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 10_000) return seconds.format(abs / 1000);
  if (abs < 60_000) return wholeSeconds.format(abs / 1000);
  if (abs < 3_600_000) return minutes.format(abs / 60_000);
  return hours.format(abs / 3_600_000);
}

const compact = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat(LOCALE);
export const formatCount = (n: number) => compact.format(n);
const signed = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1, signDisplay: "exceptZero" });
/** "+1.2K", "−30", "0": a change in a count. */
export const formatChange = (n: number) => signed.format(n);
export const formatNumber = (n: number) => plain.format(n);
/** "1.2K views · 88 likes": a published post's results in a line. */
export const viewsAndLikes = (m: { views: number; likes: number }) =>
  `${t("metrics.views", { count: m.views, views: formatCount(m.views) })} · ${t("metrics.likes", { count: m.likes, likes: formatCount(m.likes) })}`;

export function formatBytes(bytes: number): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALE, { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

export function excerpt(text: string, max = 90): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The locale's first day of the week (1 = Monday … 7 = Sunday), e.g. 7 in the US, 1 in France. */
export function weekStart(): number {
  const locale = new Intl.Locale(LOCALE) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  return locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
}
