// Where this person is signed in: each session's browser and last activity; end any one, or all of them.
import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n/index.ts";
import { formatRelative } from "../../lib/format.ts";
import { type SessionInfo, teamApi } from "../../lib/team-api.ts";
import { showToast } from "../../lib/toasts.ts";
import { ConfirmDialog } from "../confirm-dialog.tsx";
import { FormError, Loading } from "../ui.tsx";

/** "Chrome on Linux" from a user agent, or the raw string when nothing familiar is in it. */
function browserName(agent: string | null): string {
  if (!agent) return t("sessions.unknownBrowser");
  const browser = /Edg\//.test(agent)
    ? "Edge"
    : /Firefox\//.test(agent)
      ? "Firefox"
      : /Chrom/.test(agent)
        ? "Chrome"
        : /Safari\//.test(agent)
          ? "Safari"
          : null;
  const system = /Android/.test(agent)
    ? "Android"
    : /iPhone|iPad/.test(agent)
      ? "iOS"
      : /Mac OS/.test(agent)
        ? "macOS"
        : /Windows/.test(agent)
          ? "Windows"
          : /Linux/.test(agent)
            ? "Linux"
            : null;
  if (!browser) return agent;
  return system ? t("sessions.browserOn", { browser, system }) : browser;
}

export function SessionsCard() {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [everywhere, setEverywhere] = useState(false);
  const load = () => teamApi.sessions().then((b) => setSessions(b.sessions), setError);
  useEffect(() => void load(), []);

  const revoke = async (session: SessionInfo) => {
    setError(null);
    try {
      await teamApi.revokeSession(session.id);
      showToast({ text: t("sessions.ended") });
      await load();
    } catch (caught) {
      setError(caught);
    }
  };
  const logoutEverywhere = async () => {
    try {
      await teamApi.logoutEverywhere();
      window.location.assign("/login");
    } catch (caught) {
      setEverywhere(false);
      setError(caught);
    }
  };

  return (
    <section class="card" aria-labelledby="sessions-title" data-testid="sessions">
      <h2 id="sessions-title">{t("sessions.title")}</h2>
      <FormError error={error} />
      {sessions === null && !error && <Loading />}
      <ul class="saved-list">
        {sessions?.map((s) => (
          <li key={s.id} data-testid="session" data-current={s.current ? "true" : undefined}>
            <div>
              <strong>{browserName(s.userAgent)}</strong>
              {s.current && <span class="badge"> {t("sessions.thisOne")}</span>}
              <span class="muted small block">
                {t("sessions.meta", { seen: formatRelative(s.lastSeenAt), started: formatRelative(s.createdAt) })}
              </span>
            </div>
            {!s.current && (
              <button type="button" class="button-danger-ghost button-small" data-testid="session-revoke" onClick={() => revoke(s)}>
                {t("sessions.end")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="button-secondary" data-testid="logout-everywhere" onClick={() => setEverywhere(true)}>
        {t("sessions.everywhere")}
      </button>
      <ConfirmDialog
        open={everywhere}
        title={t("sessions.everywhereTitle")}
        confirmLabel={t("sessions.everywhere")}
        danger
        onConfirm={logoutEverywhere}
        onClose={() => setEverywhere(false)}
      >
        <p>{t("sessions.everywhereExplain")}</p>
      </ConfirmDialog>
    </section>
  );
}
