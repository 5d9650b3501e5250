// Where queue slots fall in real time: a weekly wall-clock schedule in its own zone, turned into instants day by day
// (so a slot stays at 09:00 local across a daylight-saving change), and the first one no post has taken yet.
import { addDays, isoWeekday, type WallClock, wallClockAt, wallClockToUtc } from "../shared/wall-clock";
import type { Slot } from "./slots.schemas";

export type Schedule = { timezone: string; slots: Slot[] };

const MINUTE_MS = 60_000;
/** "Add to queue" looks this far ahead for a free slot. */
export const QUEUE_HORIZON_MS = 8 * 7 * 24 * 3600 * 1000;
/** The longest range one request may expand into slot instants (a calendar month view with its edges). */
export const MAX_SLOT_RANGE_MS = 62 * 24 * 3600 * 1000;

const dayKey = (w: WallClock) => w.year * 10_000 + w.month * 100 + w.day;

/**
 * Every slot instant in [from, to), ascending. A slot in a skipped hour (clocks jump forward) moves forward by the
 * jump, like a wall clock (02:30 → 03:30); in a repeated hour (clocks go back) the first occurrence counts. Two slots
 * that land on one instant count once.
 */
export function slotInstants(schedule: Schedule, from: number, to: number): number[] {
  if (schedule.slots.length === 0 || to <= from) return [];
  const { timezone } = schedule;
  // From the local day before `from` to the day after `to`: a local day's slots may fall on the neighbouring UTC day.
  let day = addDays({ ...wallClockAt(from, timezone), hour: 0, minute: 0, second: 0 }, -1);
  const last = dayKey(addDays(wallClockAt(to, timezone), 1));
  const out = new Set<number>();
  while (dayKey(day) <= last) {
    const weekday = isoWeekday(day);
    for (const slot of schedule.slots) {
      if (slot.day !== weekday) continue;
      const [hour, minute] = slot.time.split(":").map(Number) as [number, number];
      const { utcMs } = wallClockToUtc({ ...day, hour, minute, second: 0 }, timezone);
      if (utcMs >= from && utcMs < to) out.add(utcMs);
    }
    day = addDays(day, 1);
  }
  return [...out].sort((a, b) => a - b);
}

/** The minute a post occupies, for "is this slot taken?" (a post at 09:00:30 takes the 09:00 slot). */
export const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS);

/** The first slot after `after` whose minute no post holds, within the horizon; null when there is none. */
export function nextFreeSlot(schedule: Schedule, takenMinutes: Set<number>, after: number, horizonMs = QUEUE_HORIZON_MS) {
  for (const at of slotInstants(schedule, after, after + horizonMs)) if (!takenMinutes.has(minuteOf(at))) return at;
  return null;
}

/** Up to `count` free slots after `after` (what the account page shows as "next in the queue"). */
export function freeSlots(schedule: Schedule, takenMinutes: Set<number>, after: number, count: number) {
  return slotInstants(schedule, after, after + QUEUE_HORIZON_MS)
    .filter((at) => !takenMinutes.has(minuteOf(at)))
    .slice(0, count);
}

/** One slot per day and time, in week order (what is stored). */
export function normaliseSlots(slots: Slot[]): Slot[] {
  const unique = new Map(slots.map((s) => [`${s.day} ${s.time}`, s]));
  return [...unique.values()].sort((a, b) => a.day - b.day || a.time.localeCompare(b.time));
}
