// Browser-side time helpers: the inputs' values, the browser's zone, and the zones it knows. The conversion itself is
// src/shared/wall-clock.ts (the same code the Worker uses for queue slots).
import { isValidTimeZone, type WallClock, wallClockAsUtcMs, wallClockAt } from "../../../src/shared/wall-clock.ts";

export {
  addDays,
  isoWeekday,
  isValidTimeZone,
  type WallClock,
  type WallClockKind,
  wallClockAt,
  wallClockToUtc,
  zoneOffsetMs,
} from "../../../src/shared/wall-clock.ts";

/** Parses the values of `<input type=date>` ("YYYY-MM-DD") and `<input type=time step=1>` ("HH:MM" or "HH:MM:SS"). */
export function parseDateTimeInputs(date: string, time: string): WallClock | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(time);
  if (!d || !t) return null;
  const wall: WallClock = {
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    hour: Number(t[1]),
    minute: Number(t[2]),
    second: t[3] ? Number(t[3]) : 0,
  };
  const check = new Date(wallClockAsUtcMs(wall));
  const valid =
    check.getUTCFullYear() === wall.year &&
    check.getUTCMonth() === wall.month - 1 &&
    check.getUTCDate() === wall.day &&
    wall.hour < 24 &&
    wall.minute < 60 &&
    wall.second < 60;
  return valid ? wall : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Values for the date and time inputs showing `instantMs` in `timeZone`. */
export function toDateTimeInputs(instantMs: number, timeZone: string): { date: string; time: string } {
  const w = wallClockAt(instantMs, timeZone);
  return {
    date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`,
    time: `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`,
  };
}

export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : "UTC";
}

/** Every zone the browser knows, plus UTC and the browser's own zone (which may be an alias missing from the list). */
export function timeZoneList(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([browserTimeZone(), "UTC", ...zones])].sort((a, b) => a.localeCompare(b));
}
