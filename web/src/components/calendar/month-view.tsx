// The month: six weeks from the locale's first weekday; each day with its posts (up to four, then "+N more"), free
// queue slots, the rolling 24 h counts near TikTok's cap, and a button to compose on that day. Days take drops.
import type { Account, Post, SlotInstance } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { type Day, dayKeyAt, startOfDay } from "../../lib/calendar.ts";
import { formatDay, weekdayName } from "../../lib/format.ts";
import type { Moving } from "../../lib/use-calendar-move.ts";
import { Link } from "../ui.tsx";
import { CapCounts, FreeSlot } from "./day-extras.tsx";
import { DayPosts } from "./post-chip.tsx";

export interface ViewProps {
  days: Day[];
  month?: number;
  today: string;
  zone: string;
  posts: Post[];
  slots: SlotInstance[];
  accounts: Account[];
  counts: Map<string, number>;
  moving: Moving | null;
  dragging: Post | null;
  onKey: (post: Post, key: string) => boolean;
  onDragStart: (post: Post) => void;
  onDragEnd: () => void;
  onDrop: (post: Post, day: Day, hour?: number) => void;
  composeHref: (day: Day, hour?: number) => string;
  weekHref: (day: Day) => string;
}

const SHOWN = 4;

export function MonthView(props: ViewProps) {
  const { days, zone } = props;
  const byDay = groupBy(props.posts, (p) => dayKeyAt(Date.parse(p.scheduledAt!), zone));
  const slotsByDay = groupBy(
    props.slots.filter((s) => s.postId === null),
    (s) => dayKeyAt(Date.parse(s.at), zone),
  );
  const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
  return (
    <table class="month" data-testid="calendar-month">
      <thead>
        <tr>
          {days.slice(0, 7).map((d) => (
            <th key={d.weekday} scope="col">
              <abbr title={weekdayName(d.weekday)}>{weekdayName(d.weekday, "short")}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]!.key}>
            {week.map((day) => {
              const posts = byDay.get(day.key) ?? [];
              const free = slotsByDay.get(day.key) ?? [];
              const target = props.moving?.day.key === day.key;
              const label = formatDay(startOfDay(day, zone, 12), zone);
              return (
                <td
                  key={day.key}
                  class={`day ${day.month === props.month ? "" : "day-other"} ${day.key < props.today ? "day-past" : ""} ${day.key === props.today ? "day-today" : ""} ${target ? "drop-target" : ""}`}
                  data-day={day.key}
                  data-testid="calendar-day"
                  onDragOver={(e) => {
                    if (props.dragging) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (props.dragging) props.onDrop(props.dragging, day);
                  }}
                >
                  <div class="day-head">
                    <span class="day-number" aria-hidden="true">
                      {day.day}
                    </span>
                    {day.key >= props.today && (
                      <Link href={props.composeHref(day)} class="compose-day" testId="compose-day">
                        <span aria-hidden="true">+</span>
                        <span class="sr-only">{t("calendar.composeOn", { day: label })}</span>
                      </Link>
                    )}
                  </div>
                  <span class="sr-only">{label}</span>
                  <CapCounts counts={props.counts} accounts={props.accounts} dayKey={day.key} min={10} />
                  <DayPosts posts={posts.slice(0, SHOWN)} view={props} />
                  {posts.length > SHOWN && (
                    <Link href={props.weekHref(day)} class="more small">
                      {t("calendar.more", { count: posts.length - SHOWN })}
                    </Link>
                  )}
                  {free.slice(0, 2).map((s) => (
                    <FreeSlot key={`${s.accountId}${s.at}`} slot={s} accounts={props.accounts} zone={zone} />
                  ))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}
