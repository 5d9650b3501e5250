// Team channels (admins): the workspace's Slack and Discord incoming webhooks and which alerts each one gets. The
// hook's URL is a secret, so after adding only its origin is shown again.
import { useEffect, useState } from "preact/hooks";
import { type AlertChannel, api } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { ALERTS, type Alert, alertLabel, channelLabel, SHARED_CHANNELS, type SharedChannel } from "../../lib/integration-words.ts";
import { showToast } from "../../lib/toasts.ts";
import { ConfirmDialog } from "../confirm-dialog.tsx";
import { FormError, Loading } from "../ui.tsx";
import { describedBy, FieldError, FormLevelError } from "./parts.tsx";

/** What a new channel starts with: the problems someone must act on. */
const PROBLEMS: Alert[] = ["failed", "missed", "unconfirmed", "needs_reconnect"];
const FIELDS = ["kind", "url", "alerts"];

export function AlertChannelsCard() {
  const [channels, setChannels] = useState<AlertChannel[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<AlertChannel | null>(null);
  const load = () => api.alertChannels().then((body) => setChannels(body.channels), setError);
  useEffect(() => void load(), []);

  const remove = async () => {
    if (!removing) return;
    try {
      await api.removeAlertChannel(removing.id);
      showToast({ text: t("integrations.channels.removed", { kind: channelLabel(removing.kind) }) });
      await load();
    } catch (caught) {
      setError(caught);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <section class="card" aria-labelledby="channels-title" data-testid="alert-channels">
      <h2 id="channels-title">{t("integrations.channels.title")}</h2>
      <p class="muted">{t("integrations.channels.explain")}</p>
      {channels === null && !error && <Loading />}
      {channels?.length === 0 && <p class="muted">{t("integrations.channels.none")}</p>}
      <ul class="saved-list">
        {channels?.map((channel) => (
          <li key={channel.id} data-testid="alert-channel" data-kind={channel.kind}>
            <div>
              <strong>{channelLabel(channel.kind)}</strong> <span class="mono small">{channel.urlHint}</span>
              <span class="muted small block">{channel.alerts.map(alertLabel).join(", ")}</span>
            </div>
            <button
              type="button"
              class="button-danger-ghost button-small"
              data-testid="alert-channel-remove"
              onClick={() => setRemoving(channel)}
            >
              {t("integrations.channels.remove")}
            </button>
          </li>
        ))}
      </ul>
      <FormError error={error} />
      <NewChannelForm onAdded={load} />
      <ConfirmDialog
        open={removing !== null}
        title={t("integrations.channels.removeTitle", { kind: removing ? channelLabel(removing.kind) : "" })}
        confirmLabel={t("integrations.channels.remove")}
        danger
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      >
        <p>{t("integrations.channels.removeExplain", { hint: removing?.urlHint ?? "" })}</p>
      </ConfirmDialog>
    </section>
  );
}

function NewChannelForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const [kind, setKind] = useState<SharedChannel>("slack");
  const [url, setUrl] = useState("");
  const [alerts, setAlerts] = useState<Alert[]>(PROBLEMS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pick = (alert: Alert, on: boolean) => setAlerts(ALERTS.filter((a) => (a === alert ? on : alerts.includes(a))));

  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.addAlertChannel({ kind, url: url.trim(), alerts });
      showToast({ text: t("integrations.channels.added", { kind: channelLabel(kind) }) });
      setUrl("");
      await onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="saved-form" onSubmit={add} noValidate data-testid="alert-channel-form">
      <h3>{t("integrations.channels.add")}</h3>
      <div class="row">
        <label class="field narrow">
          <span>{t("integrations.channels.kind")}</span>
          <select value={kind} data-testid="alert-channel-kind" onChange={(e) => setKind(e.currentTarget.value as SharedChannel)}>
            {SHARED_CHANNELS.map((k) => (
              <option key={k} value={k}>
                {channelLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label class="field grow">
          <span>{t("integrations.channels.url")}</span>
          <input
            type="url"
            value={url}
            inputMode="url"
            autoComplete="off"
            placeholder={kind === "slack" ? t("integrations.channels.slackExample") : t("integrations.channels.discordExample")}
            {...describedBy(error, "url", "channel-url-error")}
            data-testid="alert-channel-url"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <FieldError error={error} field="url" id="channel-url-error" />
        </label>
      </div>
      <fieldset class="field-group">
        <legend>{t("integrations.channels.which")}</legend>
        <div class="choice-grid">
          {ALERTS.map((alert) => (
            <label key={alert} class="check-row">
              <input
                type="checkbox"
                checked={alerts.includes(alert)}
                data-testid={`alert-channel-alert-${alert}`}
                onChange={(e) => pick(alert, e.currentTarget.checked)}
              />
              <span>{alertLabel(alert)}</span>
            </label>
          ))}
        </div>
        <FieldError error={error} field="alerts" id="channel-alerts-error" />
      </fieldset>
      <FormLevelError error={error} fields={FIELDS} />
      <button type="submit" disabled={busy} data-testid="alert-channel-add">
        {busy ? t("common.saving") : t("integrations.channels.addButton")}
      </button>
    </form>
  );
}
