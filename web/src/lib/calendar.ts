// Calendar arithmetic in the workspace's zone: day keys ("2027-03-16"), month and week grids starting on the
// locale's first weekday, where a post lands when dropped on a day or an hour, and TikTok's rolling 24 h count.
import { DAILY_POST_CAP } from "../../../src/posts/post-limits.ts";
import type { Post } from "../api.ts";
import { addDays, isoWeekday, type WallClock, wallClockAt, wallClockToUtc } from "./time.ts";

export { DAILY_POST_CAP };
export type CalendarView = "month" | "week";
export type Day = { key: string; year: number; month: number; day: number; weekday: number };

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");
const keyOf = (w: Pick<WallClock, "year" | "month" | "day">) => `${w.year}-${pad(w.month)}-${pad(w.day)}`;

export function parseKey(key: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { key, year, month, day, weekday: isoWeekday({ year, month, day }) };
}

const wall = (d: Day, hour = 0, minute = 0, second = 0): WallClock => ({ year: d.year, month: d.month, day: d.day, hour, minute, second });
export const dayOf = (w: WallClock): Day => parseKey(keyOf(w))!;
export const shiftDay = (d: Day, days: number): Day => dayOf(addDays(wall(d), days));
export const dayKeyAt = (ms: number, zone: string) => keyOf(wallClockAt(ms, zone));
export const todayKey = (zone: string) => dayKeyAt(Date.now(), zone);

/** The instant a day starts in `zone` (midnight, or the first instant after a skipped midnight). */
export const startOfDay = (d: Day, zone: string, hour = 0) => wallClockToUtc(wall(d, hour), zone).utcMs;

/** The day the week containing `d` starts on, given the locale's first weekday (1 = Monday … 7 = Sunday). */
export function startOfWeek(d: Day, firstDay: number): Day {
  return shiftDay(d, -((d.weekday - firstDay + 7) % 7));
}

/** Six rows of seven days covering `d`'s month. */
export function monthGrid(d: Day, firstDay: number): Day[][] {
  const first = startOfWeek(parseKey(`${d.year}-${pad(d.month)}-01`)!, firstDay);
  return Array.from({ length: 6 }, (_, row) => Array.from({ length: 7 }, (_, col) => shiftDay(first, row * 7 + col)));
}

export const weekDays = (d: Day, firstDay: number): Day[] => Array.from({ length: 7 }, (_, i) => shiftDay(startOfWeek(d, firstDay), i));

/** The instants a view shows: [from, to). */
export function viewRange(view: CalendarView, d: Day, zone: string, firstDay: number) {
  const days = view === "month" ? monthGrid(d, firstDay).flat() : weekDays(d, firstDay);
  return { days, from: startOfDay(days[0]!, zone), to: startOfDay(shiftDay(days.at(-1)!, 1), zone) };
}

/** Where a post dropped on `target` goes: that day, keeping its wall-clock time (or that hour, keeping its minutes). */
export function droppedAt(postMs: number, target: Day, zone: string, hour?: number): number {
  const was = wallClockAt(postMs, zone);
  return wallClockToUtc(wall(target, hour ?? was.hour, was.minute, was.second), zone).utcMs;
}

/** Posts that count toward TikTok's Direct Post cap (tiktok-api.md §5): direct, on their way or out. */
const COUNTS: Post["status"][] = ["scheduled", "queued", "publishing", "published", "unconfirmed"];

/**
 * Per account and day: the most direct posts found in any 24 h window ending at one of that day's posts (TikTok's
 * cap is rolling, so a day can hit it with posts from the evening before). Keys "accountId|dayKey".
 */
export function rollingCounts(posts: Post[], zone: string): Map<string, number> {
  const counted = posts
    .filter((p) => p.mode === "direct" && COUNTS.includes(p.status) && p.scheduledAt)
    .map((p) => ({ account: p.accountId, at: Date.parse(p.scheduledAt!) }))
    .sort((a, b) => a.at - b.at);
  const out = new Map<string, number>();
  for (const p of counted) {
    const inWindow = counted.filter((q) => q.account === p.account && q.at > p.at - DAY_MS && q.at <= p.at).length;
    const key = `${p.account}|${dayKeyAt(p.at, zone)}`;
    out.set(key, Math.max(out.get(key) ?? 0, inWindow));
  }
  return out;
}
