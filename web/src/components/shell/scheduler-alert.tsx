// A banner on every screen, only while the cron tick is overdue (posts may go out late); details on /status.
import { useState } from "preact/hooks";
import { api, type Health } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { formatRelative } from "../../lib/format.ts";
import { usePolling } from "../../lib/use-polling.ts";
import { Link } from "../ui.tsx";

const POLL_MS = 60_000;

export function SchedulerAlert() {
  const [health, setHealth] = useState<Health | null>(null);
  usePolling(async () => {
    try {
      setHealth(await api.health());
    } catch (error) {
      console.warn("scheduler health unavailable", error);
    }
  }, POLL_MS);
  if (!health?.tickOverdue) return null;
  return (
    <div class="notice notice-error" role="alert" data-testid="scheduler-overdue">
      <div class="notice-body">
        <strong>{t("health.behind")}</strong>{" "}
        {health.lastTickAt ? t("health.behindDetail", { when: formatRelative(health.lastTickAt) }) : t("health.noTickYet")}{" "}
        <Link href="/status">{t("health.details")}</Link>
      </div>
    </div>
  );
}
