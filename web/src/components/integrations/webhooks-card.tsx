// Outgoing webhooks (admins): register an endpoint and the events it gets (its signing secret is shown once), then
// each endpoint's controls and delivery log; and how a receiver checks the signature.
import { useEffect, useState } from "preact/hooks";
import { api, type WebhookEndpoint } from "../../api.ts";
import { rich, t } from "../../i18n/index.ts";
import { EVENT_TYPES, type EventType, eventLabel } from "../../lib/integration-words.ts";
import { showToast } from "../../lib/toasts.ts";
import { FormError, Loading } from "../ui.tsx";
import { describedBy, FieldError, FormLevelError, SecretBox } from "./parts.tsx";
import { WebhookItem } from "./webhook-item.tsx";

const FIELDS = ["url", "events"];

export function WebhooksCard() {
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const load = () => api.webhookEndpoints().then((body) => setEndpoints(body.endpoints), setError);
  useEffect(() => void load(), []);

  return (
    <section class="card" aria-labelledby="webhooks-title" data-testid="webhooks">
      <h2 id="webhooks-title">{t("integrations.webhooks.title")}</h2>
      <p class="muted">{t("integrations.webhooks.explain")}</p>
      <SignatureHint />
      {endpoints === null && !error && <Loading />}
      {endpoints?.length === 0 && <p class="muted">{t("integrations.webhooks.none")}</p>}
      <FormError error={error} />
      {created && (
        <SecretBox secret={created.secret} label={t("integrations.secret.created", { url: created.url })} onDone={() => setCreated(null)} />
      )}
      {endpoints && endpoints.length > 0 && (
        <ul class="endpoint-list">
          {endpoints.map((endpoint) => (
            <WebhookItem key={endpoint.id} endpoint={endpoint} onChanged={load} />
          ))}
        </ul>
      )}
      <NewEndpointForm
        onCreated={async (url, secret) => {
          setCreated({ url, secret });
          await load();
        }}
      />
    </section>
  );
}

function SignatureHint() {
  return (
    <details class="tech signature-hint" data-testid="signature-hint">
      <summary>{t("integrations.webhooks.verifyTitle")}</summary>
      <p>{rich("integrations.webhooks.verify", { header: <code>{t("integrations.webhooks.header")}</code> })}</p>
      <p class="muted small">{t("integrations.webhooks.verifyMore")}</p>
    </details>
  );
}

function NewEndpointForm({ onCreated }: { onCreated: (url: string, secret: string) => Promise<void> }) {
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<EventType[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pick = (type: EventType, on: boolean) => setEvents(EVENT_TYPES.filter((e) => (e === type ? on : events.includes(e))));

  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { endpoint } = await api.createWebhookEndpoint({ url: url.trim(), events });
      showToast({ text: t("integrations.webhooks.createdToast") });
      setUrl("");
      setEvents([]);
      await onCreated(endpoint.url, endpoint.secret);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="saved-form" onSubmit={create} noValidate data-testid="endpoint-form">
      <h3>{t("integrations.webhooks.add")}</h3>
      <label class="field">
        <span>{t("integrations.webhooks.url")}</span>
        <input
          type="url"
          value={url}
          inputMode="url"
          autoComplete="off"
          placeholder={t("integrations.webhooks.urlExample")}
          {...describedBy(error, "url", "endpoint-url-error")}
          data-testid="endpoint-url"
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <FieldError error={error} field="url" id="endpoint-url-error" />
      </label>
      <fieldset class="field-group">
        <legend>{t("integrations.webhooks.events")}</legend>
        <div class="choice-grid">
          {EVENT_TYPES.map((type) => (
            <label key={type} class="check-row">
              <input
                type="checkbox"
                checked={events.includes(type)}
                data-testid={`endpoint-event-${type}`}
                onChange={(e) => pick(type, e.currentTarget.checked)}
              />
              <span>
                {eventLabel(type)}
                <code class="muted small block">{type}</code>
              </span>
            </label>
          ))}
        </div>
        <FieldError error={error} field="events" id="endpoint-events-error" />
      </fieldset>
      <FormLevelError error={error} fields={FIELDS} />
      <button type="submit" disabled={busy} data-testid="endpoint-create">
        {busy ? t("common.saving") : t("integrations.webhooks.create")}
      </button>
    </form>
  );
}
