// Status: the scheduler's health (last cron tick, upcoming work, a banner when the tick is overdue), for operators.
import { HealthStrip } from "../components/health-strip.tsx";
import { PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";

export function StatusPage() {
  return (
    <section>
      <PageHead title={t("statusPage.title")} sub={t("statusPage.sub")} />
      <HealthStrip />
    </section>
  );
}
