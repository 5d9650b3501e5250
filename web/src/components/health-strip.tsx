// Scheduler health from /api/health: last cron tick, upcoming work, and a banner when the tick is overdue.
import { useState } from "preact/hooks";
import { api, type Health, messageOf } from "../api.ts";
import { t } from "../i18n/index.ts";
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
    return <div class="health-strip muted">{error ? t("health.unavailable", { reason: error }) : t("health.checking")}</div>;
  }
  const summary = health.ok ? t("health.healthy") : health.problems.join("; ");
  const lastTick = health.lastTickAt ? t("health.lastTick", { when: formatRelative(health.lastTickAt) }) : t("health.noTick");
  return (
    <>
      {health.tickOverdue && (
        <div class="notice notice-error" role="alert" data-testid="health-overdue">
          <div class="notice-body">
            <strong>{t("health.behind")}</strong>{" "}
            {t("health.behindLong", { when: health.lastTickAt ? formatInZone(health.lastTickAt, browserTimeZone()) : t("health.never") })}
          </div>
        </div>
      )}
      <div class={`card health-strip ${health.ok ? "health-ok" : "health-bad"}`} aria-live="polite" data-testid="health-strip">
        <span class="health-dot" role="img" aria-label={summary} title={summary} />
        <span title={health.lastTickAt ?? undefined}>{lastTick}</span>
        <span>{t("health.due", { count: health.postsDueNextHour })}</span>
        <span>{t("health.backlog", { count: health.queueBacklog })}</span>
        {health.overduePosts > 0 && <span class="text-warning">{t("health.overdue", { count: health.overduePosts })}</span>}
        {error && <span class="text-warning">{t("health.refreshFailed", { reason: error })}</span>}
      </div>
    </>
  );
}
