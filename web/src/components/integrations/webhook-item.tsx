// One outgoing webhook endpoint: what it gets, on or off, a test delivery, a new secret (shown once), deleting it,
// and its delivery log.
import { useState } from "preact/hooks";
import { api, type WebhookEndpoint } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { formatRelative } from "../../lib/format.ts";
import { eventLabel } from "../../lib/integration-words.ts";
import { showToast } from "../../lib/toasts.ts";
import { ConfirmDialog } from "../confirm-dialog.tsx";
import { FormError, Switch } from "../ui.tsx";
import { DeliveryLog } from "./delivery-log.tsx";
import { SecretBox } from "./parts.tsx";

type Asking = "rotate" | "delete" | null;

export function WebhookItem({ endpoint, onChanged }: { endpoint: WebhookEndpoint; onChanged: () => Promise<void> }) {
  const [asking, setAsking] = useState<Asking>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  // Bumped after a test so the open log reads again at once.
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The switch shows the choice at once; the list read after the PATCH (or a failure) settles it.
  const [choosing, setChoosing] = useState<boolean | null>(null);
  const enabled = choosing ?? endpoint.enabled;
  const logId = `deliveries-${endpoint.id}`;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };
  const setEnabled = async (on: boolean) => {
    setChoosing(on);
    await run(async () => {
      await api.updateWebhookEndpoint(endpoint.id, { enabled: on });
      showToast({ text: on ? t("integrations.webhooks.enabledToast") : t("integrations.webhooks.disabledToast") });
      await onChanged();
    });
    setChoosing(null);
  };
  const sendTest = () =>
    run(async () => {
      await api.testWebhookEndpoint(endpoint.id);
      showToast({ text: t("integrations.webhooks.testSent") });
      setShowLog(true);
      setRound((n) => n + 1);
    });
  const rotate = () =>
    run(async () => {
      setSecret((await api.rotateWebhookSecret(endpoint.id)).endpoint.secret);
    });
  const remove = () =>
    run(async () => {
      await api.deleteWebhookEndpoint(endpoint.id);
      showToast({ text: t("integrations.webhooks.deleted") });
      await onChanged();
    });

  return (
    <li class="endpoint" data-testid="endpoint" data-endpoint-id={endpoint.id} data-enabled={String(endpoint.enabled)}>
      <EndpointHead endpoint={endpoint} />
      <Switch
        label={t("integrations.webhooks.enabled")}
        hint={t("integrations.webhooks.enabledHint")}
        checked={enabled}
        disabled={busy}
        testId="endpoint-enabled"
        onChange={setEnabled}
      />
      <div class="action-row">
        <button type="button" class="button-secondary button-small" disabled={busy} data-testid="endpoint-test" onClick={sendTest}>
          {t("integrations.webhooks.test")}
        </button>
        <button
          type="button"
          class="button-secondary button-small"
          aria-expanded={showLog}
          aria-controls={showLog ? logId : undefined}
          data-testid="endpoint-deliveries"
          onClick={() => setShowLog(!showLog)}
        >
          {showLog ? t("integrations.webhooks.hideDeliveries") : t("integrations.webhooks.showDeliveries")}
        </button>
        <button
          type="button"
          class="button-ghost button-small"
          disabled={busy}
          data-testid="endpoint-rotate"
          onClick={() => setAsking("rotate")}
        >
          {t("integrations.webhooks.rotate")}
        </button>
        <button
          type="button"
          class="button-danger-ghost button-small"
          disabled={busy}
          data-testid="endpoint-delete"
          onClick={() => setAsking("delete")}
        >
          {t("common.delete")}
        </button>
      </div>
      <FormError error={error} />
      {secret && <SecretBox secret={secret} label={t("integrations.secret.rotated")} onDone={() => setSecret(null)} />}
      {showLog && <DeliveryLog id={logId} endpointId={endpoint.id} round={round} />}
      <EndpointDialogs asking={asking} busy={busy} url={endpoint.url} onRotate={rotate} onDelete={remove} onClose={() => setAsking(null)} />
    </li>
  );
}

function EndpointHead({ endpoint }: { endpoint: WebhookEndpoint }) {
  return (
    <div class="endpoint-head">
      <div class="endpoint-main">
        <strong class="mono break" data-testid="endpoint-url-text">
          {endpoint.url}
        </strong>
        <span class="muted small block">
          {t("integrations.webhooks.meta", {
            events: endpoint.events.map(eventLabel).join(", "),
            created: formatRelative(endpoint.createdAt),
          })}
        </span>
      </div>
      <span class={`badge ${endpoint.enabled ? "endpoint-on" : "endpoint-off"}`} data-testid="endpoint-state">
        {endpoint.enabled ? t("integrations.webhooks.on") : t("integrations.webhooks.off")}
      </span>
    </div>
  );
}

/** "Are you sure?" for the two actions that cannot be undone: a new secret (the old one stops) and deleting. */
function EndpointDialogs(props: {
  asking: Asking;
  busy: boolean;
  url: string;
  onRotate: () => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  return (
    <>
      <ConfirmDialog
        open={props.asking === "rotate"}
        title={t("integrations.webhooks.rotateTitle")}
        confirmLabel={t("integrations.webhooks.rotate")}
        busy={props.busy}
        onConfirm={props.onRotate}
        onClose={props.onClose}
      >
        <p>{t("integrations.webhooks.rotateExplain")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={props.asking === "delete"}
        title={t("integrations.webhooks.deleteTitle")}
        confirmLabel={t("common.delete")}
        danger
        busy={props.busy}
        onConfirm={props.onDelete}
        onClose={props.onClose}
      >
        <p>{t("integrations.webhooks.deleteExplain", { url: props.url })}</p>
      </ConfirmDialog>
    </>
  );
}
