// The audit log (admins): who did what in this workspace, newest first, 50 at a time, in plain words with the time
// as "3 minutes ago" (the exact moment on hover).
import { useEffect, useState } from "preact/hooks";
import { FormError, Loading, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { auditActor, auditWords } from "../lib/audit-words.ts";
import { formatLong, formatRelative } from "../lib/format.ts";
import { type AuditEvent, teamApi } from "../lib/team-api.ts";
import { browserTimeZone } from "../lib/time.ts";

export function AuditPage() {
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = async (before?: number) => {
    setBusy(true);
    setError(null);
    try {
      const page = await teamApi.audit(before);
      setEvents((old) => (before ? [...(old ?? []), ...page.events] : page.events));
      setNext(page.nextBefore);
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  };
  useEffect(() => void load(), []);

  return (
    <section class="settings" data-testid="audit-page">
      <PageHead title={t("audit.title")} sub={t("audit.sub")} />
      <FormError error={error} />
      {events === null && !error && <Loading />}
      {events?.length === 0 && <p class="muted">{t("audit.none")}</p>}
      {events && events.length > 0 && (
        <div class="card">
          <ol class="saved-list audit-list" data-testid="audit-list">
            {events.map((event) => (
              <li key={event.id} data-testid="audit-event" data-action={event.action}>
                <div>
                  <strong>{auditActor(event)}</strong> {auditWords(event)}
                </div>
                <time class="muted small" dateTime={event.at} title={formatLong(event.at, browserTimeZone())}>
                  {formatRelative(event.at)}
                </time>
              </li>
            ))}
          </ol>
        </div>
      )}
      {next !== null && (
        <button type="button" class="button-secondary" disabled={busy} data-testid="audit-more" onClick={() => load(next)}>
          {busy ? t("common.loading") : t("audit.more")}
        </button>
      )}
    </section>
  );
}
