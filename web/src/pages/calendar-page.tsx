// The calendar, month or week, in the workspace's time zone: posts in each account's colour, free queue slots,
// TikTok's rolling 24 h count per account and day, compose by clicking a day or an hour, reschedule by dragging a
// post or moving it with the keyboard. Live: changes made anywhere appear without a reload.
import { useState } from "preact/hooks";
import { type Account, api, type Post } from "../api.ts";
import { MonthView } from "../components/calendar/month-view.tsx";
import { WeekAgenda } from "../components/calendar/week-agenda.tsx";
import { WeekView } from "../components/calendar/week-view.tsx";
import { Link, Loading, Notice, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { colourClass } from "../lib/account-colors.ts";
import { type CalendarView, type Day, parseKey, rollingCounts, shiftDay, startOfDay, todayKey, viewRange } from "../lib/calendar.ts";
import { formatDay, formatMonth, weekStart, zoneName } from "../lib/format.ts";
import { useLocation } from "../lib/router.ts";
import { useAccounts } from "../lib/use-accounts.ts";
import { useCalendarMove } from "../lib/use-calendar-move.ts";
import { useLiveData, withLiveStatuses } from "../lib/use-live-data.ts";
import { useMediaQuery } from "../lib/use-media-query.ts";
import { useWorkspaceZone } from "../lib/workspace.ts";

const SHOWN_STATUSES = "scheduled,queued,publishing,published,sent_to_inbox,failed,missed,unconfirmed";
const DEFAULT_HOUR = 9;

function hrefFor(view: CalendarView, day: Day) {
  return `/calendar?view=${view}&date=${day.key}`;
}

export function CalendarPage() {
  const location = useLocation();
  const { zone } = useWorkspaceZone();
  const params = new URLSearchParams(location.search);
  const view: CalendarView = params.get("view") === "week" ? "week" : "month";
  const today = todayKey(zone);
  const day = parseKey(params.get("date") ?? "") ?? parseKey(today)!;
  const firstDay = weekStart();
  const range = viewRange(view, day, zone, firstDay);
  const { accounts } = useAccounts();
  const [hidden, setHidden] = useState<Set<string>>(new Set());

  const data = useLiveData(
    async () => {
      // A day before the view too: TikTok's 24 h window reaches back into it.
      const from = new Date(range.from - 86_400_000).toISOString();
      const to = new Date(range.to).toISOString();
      const [posts, slots] = await Promise.all([
        api.posts({ from, to, status: SHOWN_STATUSES, order: "asc", limit: 500 }),
        api.slots(new Date(range.from).toISOString(), to),
      ]);
      return { posts: posts.posts, slots: slots.slots };
    },
    [view, day.key, zone],
    () => true,
    (d, m) => ({ ...d, posts: withLiveStatuses(d.posts, m) }),
  );
  const replace = (moved: Post) =>
    data.data && data.set({ ...data.data, posts: data.data.posts.map((p) => (p.id === moved.id ? moved : p)) });
  const move = useCalendarMove(view, zone, replace);

  const visible = (data.data?.posts ?? []).filter(
    (p) => !hidden.has(p.accountId) && p.scheduledAt && Date.parse(p.scheduledAt) >= range.from,
  );
  const counts = rollingCounts(data.data?.posts ?? [], zone);
  const step = (n: number) => (view === "month" ? monthStep(day, n) : shiftDay(day, 7 * n));
  const composeHref = (d: Day, hour?: number) => {
    let at = startOfDay(d, zone, hour ?? DEFAULT_HOUR);
    if (at < Date.now()) at = Math.ceil((Date.now() + 10 * 60_000) / 3_600_000) * 3_600_000;
    return `/posts/new?at=${encodeURIComponent(new Date(at).toISOString())}`;
  };
  const title = view === "month" ? formatMonth(startOfDay(day, zone, 12), zone) : weekTitle(range.days, zone);

  return (
    <section class="calendar-page">
      <PageHead title={t("calendar.title")} sub={t("calendar.zone", { zone: zoneName(zone) })}>
        <Link href="/settings" class="small">
          {t("calendar.changeZone")}
        </Link>
      </PageHead>
      <div class="calendar-toolbar">
        <div class="action-row">
          <Link href={hrefFor(view, parseKey(today)!)} class="button button-secondary button-small" testId="calendar-today">
            {t("calendar.today")}
          </Link>
          <Link href={hrefFor(view, step(-1))} class="button button-secondary button-small" testId="calendar-prev">
            <span aria-hidden="true" class="flip">
              ‹
            </span>
            <span class="sr-only">{view === "month" ? t("calendar.prevMonth") : t("calendar.prevWeek")}</span>
          </Link>
          <Link href={hrefFor(view, step(1))} class="button button-secondary button-small" testId="calendar-next">
            <span aria-hidden="true" class="flip">
              ›
            </span>
            <span class="sr-only">{view === "month" ? t("calendar.nextMonth") : t("calendar.nextWeek")}</span>
          </Link>
          <h2 class="calendar-title" aria-live="polite" data-testid="calendar-title">
            {title}
          </h2>
        </div>
        <nav class="segmented" aria-label={t("calendar.views")}>
          <Link href={hrefFor("month", day)} class="segment" current={view === "month"} testId="view-month">
            {t("calendar.month")}
          </Link>
          <Link href={hrefFor("week", day)} class="segment" current={view === "week"} testId="view-week">
            {t("calendar.week")}
          </Link>
        </nav>
      </div>
      <Legend accounts={accounts} hidden={hidden} onToggle={(id) => setHidden((h) => toggled(h, id))} />
      <p class="sr-only" aria-live="assertive" data-testid="move-announcer">
        {move.movingTo ? t("calendar.movingTo", { when: move.movingTo }) : ""}
      </p>
      {data.error !== null && <Notice kind="warning">{t("list.refreshFailed")}</Notice>}
      {!data.data && data.error === null && <Loading label={t("calendar.loading")} />}
      {data.data && (
        <ViewFor
          view={view}
          props={{
            days: range.days,
            month: day.month,
            today,
            zone,
            posts: visible,
            slots: data.data.slots.filter((s) => !hidden.has(s.accountId)),
            accounts,
            counts,
            moving: move.moving,
            dragging: move.dragging,
            onKey: move.onKey,
            onDragStart: move.setDragging,
            onDragEnd: () => move.setDragging(null),
            onDrop: (post, d, hour) => {
              move.setDragging(null);
              move.drop(post, d, hour);
            },
            composeHref,
            weekHref: (d) => hrefFor("week", d),
          }}
        />
      )}
      <p id="move-help" class="muted small move-help">
        {t("calendar.moveHelp")} {t("calendar.capHelp")}
      </p>
    </section>
  );
}

function ViewFor({ view, props }: { view: CalendarView; props: Parameters<typeof MonthView>[0] }) {
  const phone = useMediaQuery("(max-width: 760px)");
  if (view === "month") return <MonthView {...props} />;
  return phone ? <WeekAgenda {...props} /> : <WeekView {...props} />;
}

function Legend({ accounts, hidden, onToggle }: { accounts: Account[]; hidden: Set<string>; onToggle: (id: string) => void }) {
  if (accounts.length === 0) return null;
  return (
    <fieldset class="legend">
      <legend class="sr-only">{t("calendar.accounts")}</legend>
      {accounts.map((a) => (
        <label key={a.id} class={`legend-item ${colourClass(accounts, a.id)}`}>
          <input type="checkbox" checked={!hidden.has(a.id)} onChange={() => onToggle(a.id)} />
          <span class="swatch" aria-hidden="true" />
          <bdi>{a.username ? `@${a.username}` : a.displayName}</bdi>
        </label>
      ))}
    </fieldset>
  );
}

function toggled(set: Set<string>, id: string) {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

function monthStep(day: Day, n: number): Day {
  const month = day.month - 1 + n;
  const year = day.year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return parseKey(`${year}-${String(m + 1).padStart(2, "0")}-01`)!;
}

function weekTitle(days: Day[], zone: string) {
  const first = startOfDay(days[0]!, zone, 12);
  const last = startOfDay(days.at(-1)!, zone, 12);
  return t("calendar.weekOf", { from: formatDay(first, zone), to: formatDay(last, zone) });
}
