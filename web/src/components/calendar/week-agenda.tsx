// The week on a phone: one section per day (a 7-column grid does not fit 375 px), each with its posts, free queue
// slots and TikTok's rolling counts, a link to compose on that day, and room to drop a dragged post.
import { t } from "../../i18n/index.ts";
import { dayKeyAt, startOfDay } from "../../lib/calendar.ts";
import { formatDay } from "../../lib/format.ts";
import { Link } from "../ui.tsx";
import { CapCounts, FreeSlot } from "./day-extras.tsx";
import { groupBy, type ViewProps } from "./month-view.tsx";
import { DayPosts } from "./post-chip.tsx";

export function WeekAgenda(props: ViewProps) {
  const { days, zone } = props;
  const byDay = groupBy(props.posts, (p) => dayKeyAt(Date.parse(p.scheduledAt!), zone));
  const slotsByDay = groupBy(
    props.slots.filter((s) => s.postId === null),
    (s) => dayKeyAt(Date.parse(s.at), zone),
  );
  return (
    <ol class="agenda" data-testid="calendar-agenda">
      {days.map((day) => {
        const posts = byDay.get(day.key) ?? [];
        const free = slotsByDay.get(day.key) ?? [];
        const label = formatDay(startOfDay(day, zone, 12), zone);
        return (
          <li
            key={day.key}
            class={`agenda-day ${day.key === props.today ? "day-today" : ""} ${props.moving?.day.key === day.key ? "drop-target" : ""}`}
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
            <div class="agenda-head">
              <h3>{label}</h3>
              {day.key >= props.today && (
                <Link href={props.composeHref(day)} class="button button-secondary button-small" testId="compose-day">
                  <span aria-hidden="true">+</span>
                  <span class="sr-only">{t("calendar.composeOn", { day: label })}</span>
                </Link>
              )}
            </div>
            <CapCounts counts={props.counts} accounts={props.accounts} dayKey={day.key} />
            {posts.length === 0 && free.length === 0 && <p class="muted small">{t("calendar.nothing")}</p>}
            <DayPosts posts={posts} view={props} />
            {free.map((s) => (
              <FreeSlot key={`${s.accountId}${s.at}`} slot={s} accounts={props.accounts} zone={zone} />
            ))}
          </li>
        );
      })}
    </ol>
  );
}
