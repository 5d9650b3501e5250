// The week: seven days by 24 hours; posts in their hour, free queue slots, each day's rolling 24 h counts in its
// header, and every empty hour a way to compose at that time. Hours take drops (the post keeps its minutes).
import { t } from "../../i18n/index.ts";
import { dayKeyAt, startOfDay } from "../../lib/calendar.ts";
import { formatDay, formatTime } from "../../lib/format.ts";
import { wallClockAt } from "../../lib/time.ts";
import { Link } from "../ui.tsx";
import { CapCounts, FreeSlot } from "./day-extras.tsx";
import { groupBy, type ViewProps } from "./month-view.tsx";
import { ViewChip } from "./post-chip.tsx";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function WeekView(props: ViewProps) {
  const { days, zone } = props;
  const hourKey = (iso: string) => `${dayKeyAt(Date.parse(iso), zone)}|${wallClockAt(Date.parse(iso), zone).hour}`;
  const byHour = groupBy(props.posts, (p) => hourKey(p.scheduledAt!));
  const slotsByHour = groupBy(
    props.slots.filter((s) => s.postId === null),
    (s) => hourKey(s.at),
  );
  return (
    <div class="week-scroll">
      <table class="week" data-testid="calendar-week">
        <thead>
          <tr>
            <th scope="col" class="hour-label">
              <span class="sr-only">{t("calendar.hour")}</span>
            </th>
            {days.map((d) => (
              <th key={d.key} scope="col" class={d.key === props.today ? "day-today" : ""}>
                <Link href={props.composeHref(d)} class="week-day" testId="compose-day">
                  {formatDay(startOfDay(d, zone, 12), zone, "short")}
                  <span class="sr-only"> — {t("calendar.composeOn", { day: formatDay(startOfDay(d, zone, 12), zone) })}</span>
                </Link>
                <CapCounts counts={props.counts} accounts={props.accounts} dayKey={d.key} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HOURS.map((hour) => (
            <tr key={hour} data-hour={hour}>
              <th scope="row" class="hour-label">
                {formatTime(startOfDay(days[0]!, zone, hour), zone)}
              </th>
              {days.map((day) => {
                const key = `${day.key}|${hour}`;
                const posts = byHour.get(key) ?? [];
                const target = props.moving?.day.key === day.key && props.moving.hour === hour;
                return (
                  <td
                    key={key}
                    class={`hour ${target ? "drop-target" : ""}`}
                    data-day={day.key}
                    data-hour={hour}
                    data-testid="calendar-hour"
                    onDragOver={(e) => {
                      if (props.dragging) e.preventDefault();
                    }}
                    onDrop={(e) => {
                      e.preventDefault();
                      if (props.dragging) props.onDrop(props.dragging, day, hour);
                    }}
                  >
                    {posts.map((p) => (
                      <ViewChip key={p.id} post={p} view={props} />
                    ))}
                    {(slotsByHour.get(key) ?? []).map((s) => (
                      <FreeSlot key={`${s.accountId}${s.at}`} slot={s} accounts={props.accounts} zone={zone} />
                    ))}
                    {posts.length === 0 && startOfDay(day, zone, hour + 1) > Date.now() && (
                      // Mouse shortcut (168 of them would swamp the Tab order); keyboards compose from the day header.
                      <Link href={props.composeHref(day, hour)} class="compose-hour" testId="compose-hour" tabIndex={-1}>
                        <span class="sr-only">
                          {t("calendar.composeAt", {
                            when: `${formatDay(startOfDay(day, zone, 12), zone)} ${formatTime(startOfDay(day, zone, hour), zone)}`,
                          })}
                        </span>
                      </Link>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
