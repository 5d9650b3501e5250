// Scheduler health from /api/health: last cron tick, upcoming work, and a banner when the tick is overdue.
import { useState } from "preact/hooks";
import { api, type Health, messageOf } from "../api.ts";
import { formatInZone, formatRelative } from "../lib/format.ts";
import { browserTimeZone } from "../lib/time.ts";
import { usePolling } from "../lib/use-polling.ts";

const HEALTH_POLL_MS = 15_000;

export function HealthStrip() {
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);

  usePolling(async () => {
    try {
      setHealth(await api.health());
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, HEALTH_POLL_MS);

  if (!health) {
    return <div class="health-strip muted">{error ? `Scheduler status unavailable: ${error}` : "Checking scheduler…"}</div>;
  }
  const summary = health.ok ? "Scheduler healthy" : health.problems.join("; ");
  const lastTick = health.lastTickAt ? `last tick ${formatRelative(health.lastTickAt)}` : "no tick recorded yet";
  return (
    <>
      {health.tickOverdue && (
        <div class="notice notice-error" role="alert">
          <strong>The scheduler is behind.</strong> Its last tick was{" "}
          {health.lastTickAt ? formatInZone(health.lastTickAt, browserTimeZone()) : "never"}; scheduled posts may go out late or be missed
          until the cron trigger runs again.
        </div>
      )}
      <div class={`health-strip ${health.ok ? "health-ok" : "health-bad"}`} aria-live="polite">
        <span class="health-dot" role="img" aria-label={summary} title={summary} />
        <span title={health.lastTickAt ?? undefined}>Scheduler: {lastTick}</span>
        <span>{health.postsDueNextHour} due in the next hour</span>
        <span>{health.queueBacklog} in queue</span>
        {health.overduePosts > 0 && <span class="text-warning">{health.overduePosts} overdue</span>}
        {error && <span class="text-warning">(refresh failed: {error})</span>}
      </div>
    </>
  );
}
