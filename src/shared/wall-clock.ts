// Wall-clock ⇄ UTC conversion in any IANA time zone, using only Intl (no tz database shipped). Shared by the Worker
// (queue slots) and the web app (the composer, the calendar): one implementation of the DST rules.

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** How a wall-clock time maps onto real instants in its zone. */
export type WallClockKind = "exact" | "gap" | "ambiguous";

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock shown in `timeZone` at `instantMs` (second precision). */
export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year,
    month: values.month,
    day: values.day,
    hour: values.hour === 24 ? 0 : values.hour, // some engines still print midnight as 24 with h23
    minute: values.minute,
    second: values.second,
  };
}

/** The wall clock read as if it were UTC (ms): the arithmetic behind the conversions. */
export function wallClockAsUtcMs(w: WallClock): number {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Date.UTC maps years 0-99 to 1900-1999; fix those up so the arithmetic stays exact.
  return w.year < 100 ? new Date(ms).setUTCFullYear(w.year) : ms;
}

/** UTC offset (wall clock minus UTC, in ms) of `timeZone` at `instantMs`. */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wallClockAsUtcMs(wallClockAt(instantMs, timeZone)) - wholeSecond;
}

/**
 * The UTC instant at which clocks in `timeZone` show `wall`.
 *
 * A zone's offset is `o(t)`; we need t with t + o(t) = W (W = the wall clock read as if it were UTC). Real zones never
 * change offset twice within ~2 days, so the offsets a day before and a day after W are the only candidates:
 * - both give the same t, or one of them is self-consistent → "exact";
 * - both are self-consistent (clocks went back, the time happens twice) → "ambiguous", the earlier instant is used;
 * - neither is (clocks jumped forward over it) → "gap", the time is moved forward by the jump, like a clock would
 *   (02:30 on a spring-forward night in New York becomes 03:30 EDT). Same choices as Temporal's "compatible".
 */
export function wallClockToUtc(wall: WallClock, timeZone: string): { utcMs: number; kind: WallClockKind } {
  const w = wallClockAsUtcMs(wall);
  const before = zoneOffsetMs(w - DAY_MS, timeZone);
  const after = zoneOffsetMs(w + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => w - offset)
    .filter((t) => t + zoneOffsetMs(t, timeZone) === w)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return { utcMs: w - before, kind: "gap" };
  return { utcMs: candidates[0], kind: candidates.length > 1 ? "ambiguous" : "exact" };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false; // RangeError: not a zone this runtime knows.
  }
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(w: Pick<WallClock, "year" | "month" | "day">): number {
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The calendar date `days` after `w` (time of day kept). */
export function addDays(w: WallClock, days: number): WallClock {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
