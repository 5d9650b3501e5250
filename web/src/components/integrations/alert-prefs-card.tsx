// "My alerts": which alert reaches me where (in the app, by email) in this workspace, as one grid saved at once.
// Everyone has their own; the defaults are the server's (problems on, publishes and the digest off).
import { useEffect, useState } from "preact/hooks";
import { type AlertPreferences, api } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import {
  ALERTS,
  type Alert,
  alertHint,
  alertLabel,
  channelLabel,
  PERSONAL_CHANNELS,
  type PersonalChannel,
} from "../../lib/integration-words.ts";
import { showToast } from "../../lib/toasts.ts";
import { FormError, Loading } from "../ui.tsx";

export function AlertPrefsCard() {
  const [prefs, setPrefs] = useState<AlertPreferences | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.alertPreferences().then((body) => setPrefs(body.preferences), setError);
  }, []);

  const toggle = (alert: Alert, channel: PersonalChannel, on: boolean) => {
    if (!prefs) return;
    const now = prefs[alert];
    // Kept in the channels' own order, so the saved lists read the same way every time.
    setPrefs({ ...prefs, [alert]: PERSONAL_CHANNELS.filter((c) => (c === channel ? on : now.includes(c))) });
    setSaved(false);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!prefs) return;
    setBusy(true);
    setError(null);
    try {
      setPrefs((await api.saveAlertPreferences(prefs)).preferences);
      setSaved(true);
      showToast({ text: t("integrations.prefs.saved") });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="prefs-title" data-testid="alert-prefs">
      <h2 id="prefs-title">{t("integrations.prefs.title")}</h2>
      <p class="muted">{t("integrations.prefs.explain")}</p>
      {prefs === null && !error && <Loading />}
      {prefs && (
        <form onSubmit={save} noValidate>
          <div class="table-scroll">
            <table class="prefs-grid">
              <caption class="sr-only">{t("integrations.prefs.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("integrations.prefs.alert")}</th>
                  {PERSONAL_CHANNELS.map((channel) => (
                    <th key={channel} scope="col">
                      {channelLabel(channel)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ALERTS.map((alert) => (
                  <tr key={alert} data-testid="pref-row" data-alert={alert}>
                    <th scope="row">
                      <span class="block">{alertLabel(alert)}</span>
                      <small class="muted block">{alertHint(alert)}</small>
                    </th>
                    {PERSONAL_CHANNELS.map((channel) => (
                      <td key={channel}>
                        <input
                          type="checkbox"
                          checked={prefs[alert].includes(channel)}
                          aria-label={t("integrations.prefs.check", { alert: alertLabel(alert), channel: channelLabel(channel) })}
                          data-testid={`pref-${alert}-${channel}`}
                          onChange={(e) => toggle(alert, channel, e.currentTarget.checked)}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="action-row">
            <button type="submit" disabled={busy} data-testid="prefs-save">
              {busy ? t("common.saving") : t("integrations.prefs.save")}
            </button>
            {saved && (
              <span class="text-success" role="status" data-testid="prefs-saved">
                {t("integrations.prefs.saved")}
              </span>
            )}
          </div>
        </form>
      )}
      <FormError error={error} />
    </section>
  );
}
