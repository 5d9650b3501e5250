// An account's posting schedule (queue slots): times of day by weekday, in the account's time zone; "Add to queue"
// fills the next free one. Shows where the next queued posts will go.
import { useEffect, useMemo, useState } from "preact/hooks";
import { api, type QueueInfo, type Slot } from "../api.ts";
import { t } from "../i18n/index.ts";
import { formatClock, formatLong, weekdayName, weekStart, zoneName } from "../lib/format.ts";
import { timeZoneList } from "../lib/time.ts";
import { showToast } from "../lib/toasts.ts";
import { useWorkspaceZone } from "../lib/workspace.ts";
import { FormError, Loading } from "./ui.tsx";

const WEEKDAYS = [1, 2, 3, 4, 5];

/** Times (rows) × days (columns) from the stored slots. */
function toGrid(slots: Slot[]): Map<string, Set<number>> {
  const grid = new Map<string, Set<number>>();
  for (const s of slots) grid.set(s.time, new Set([...(grid.get(s.time) ?? []), s.day]));
  return new Map([...grid.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const toSlots = (grid: Map<string, Set<number>>): Slot[] =>
  [...grid.entries()].flatMap(([time, days]) => [...days].map((day) => ({ day, time })));

export function QueueEditor({ accountId }: { accountId: string }) {
  const workspace = useWorkspaceZone();
  const zones = useMemo(timeZoneList, []);
  const [info, setInfo] = useState<QueueInfo | null>(null);
  const [grid, setGrid] = useState<Map<string, Set<number>>>(new Map());
  const [zone, setZone] = useState(workspace.zone);
  const [newTime, setNewTime] = useState("09:00");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const first = weekStart();
  const days = Array.from({ length: 7 }, (_, i) => ((first - 1 + i) % 7) + 1);

  const adopt = (q: QueueInfo) => {
    setInfo(q);
    setGrid(toGrid(q.schedule?.slots ?? []));
    if (q.schedule) setZone(q.schedule.timezone);
  };
  useEffect(() => {
    api.queue(accountId).then(adopt, setError);
  }, [accountId]);

  const change = (next: Map<string, Set<number>>) => {
    setError(null);
    setGrid(next);
  };
  const toggle = (time: string, day: number, on: boolean) => {
    const next = new Map(grid);
    const set = new Set(next.get(time));
    if (on) set.add(day);
    else set.delete(day);
    next.set(time, set);
    change(next);
  };
  const addTime = () => {
    if (!/^\d{2}:\d{2}/.test(newTime) || grid.has(newTime.slice(0, 5))) return;
    change(
      new Map(
        [...grid.entries(), [newTime.slice(0, 5), new Set(WEEKDAYS)] as [string, Set<number>]].sort(([a], [b]) => a.localeCompare(b)),
      ),
    );
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      adopt(await api.saveQueue(accountId, { timezone: zone, slots: toSlots(grid) }));
      showToast({ text: t("queue.saved") });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!info && !error) return <Loading />;
  return (
    <section class="card queue" aria-labelledby="queue-title" data-testid="queue-editor">
      <h2 id="queue-title">{t("queue.title")}</h2>
      <p class="muted">{t("queue.explain")}</p>
      <form onSubmit={save} noValidate>
        <label class="field">
          <span>{t("queue.zone")}</span>
          <select value={zone} data-testid="queue-timezone" onChange={(e) => setZone(e.currentTarget.value)}>
            {[...new Set([zone, ...zones])].map((z) => (
              <option key={z} value={z}>
                {zoneName(z)}
              </option>
            ))}
          </select>
        </label>
        {grid.size > 0 ? (
          <div class="table-scroll">
            <table class="queue-grid">
              <caption class="sr-only">{t("queue.gridCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("field.time")}</th>
                  {days.map((d) => (
                    <th key={d} scope="col">
                      <abbr title={weekdayName(d)}>{weekdayName(d, "short")}</abbr>
                    </th>
                  ))}
                  <th scope="col">
                    <span class="sr-only">{t("queue.remove")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...grid.entries()].map(([time, on]) => (
                  <tr key={time} data-time={time}>
                    <th scope="row">{formatClock(time)}</th>
                    {days.map((d) => (
                      <td key={d}>
                        <input
                          type="checkbox"
                          checked={on.has(d)}
                          aria-label={t("queue.slotLabel", { day: weekdayName(d), time: formatClock(time) })}
                          data-testid={`slot-${d}-${time}`}
                          onChange={(e) => toggle(time, d, e.currentTarget.checked)}
                        />
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        class="icon-button"
                        title={t("queue.removeTime", { time: formatClock(time) })}
                        onClick={() => change(new Map([...grid.entries()].filter(([x]) => x !== time)))}
                      >
                        <span aria-hidden="true">×</span>
                        <span class="sr-only">{t("queue.removeTime", { time: formatClock(time) })}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="muted">{t("queue.empty")}</p>
        )}
        <div class="row">
          <label class="field narrow">
            <span>{t("queue.newTime")}</span>
            <input type="time" value={newTime} data-testid="queue-new-time" onInput={(e) => setNewTime(e.currentTarget.value)} />
          </label>
          <button type="button" class="button-secondary add-time" data-testid="queue-add-time" onClick={addTime}>
            {t("queue.addTime")}
          </button>
        </div>
        <FormError error={error} />
        <button type="submit" disabled={busy} data-testid="queue-save">
          {busy ? t("common.saving") : t("queue.save")}
        </button>
      </form>
      {info?.schedule && (
        <div class="queue-next" data-testid="queue-next">
          <h3>{t("queue.next")}</h3>
          {info.next.length === 0 ? (
            <p class="muted">{t("queue.full")}</p>
          ) : (
            <ol>
              {info.next.map((at) => (
                <li key={at}>{formatLong(at, info.schedule!.timezone)}</li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
