// An endpoint's delivery log (the latest 100, newest first): what was sent, whether the receiver took it, after how
// many attempts, what it answered; each can be sent again. Reads again every few seconds while one is still pending.
import { useEffect, useState } from "preact/hooks";
import { api, type WebhookDelivery } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { excerpt, formatRelative } from "../../lib/format.ts";
import { deliveryKindLabel, deliveryStatusLabel, eventLabel } from "../../lib/integration-words.ts";
import { showToast } from "../../lib/toasts.ts";
import { usePolling } from "../../lib/use-polling.ts";
import { FormError, Loading } from "../ui.tsx";

/** A pending delivery's first attempt is a queue hop away (about a second): look again soon, not constantly. */
const PENDING_POLL_MS = 2_000;

export function DeliveryLog(props: { id: string; endpointId: string; round: number }) {
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      setDeliveries((await api.webhookDeliveries(props.endpointId)).deliveries);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };
  useEffect(() => void load(), [props.round]);
  const pending = deliveries?.some((d) => d.status === "pending") ?? false;
  usePolling(load, PENDING_POLL_MS, pending, props.round);

  const redeliver = async (delivery: WebhookDelivery) => {
    try {
      await api.redeliverWebhook(props.endpointId, delivery.id);
      showToast({ text: t("integrations.delivery.resent") });
      await load();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section class="delivery-log" id={props.id} aria-labelledby={`${props.id}-title`} data-testid="delivery-log">
      <div class="section-head">
        <h3 id={`${props.id}-title`}>{t("integrations.delivery.title")}</h3>
        <button type="button" class="button-ghost button-small" data-testid="deliveries-refresh" onClick={() => void load()}>
          {t("common.refresh")}
        </button>
      </div>
      <FormError error={error} />
      {deliveries === null && !error && <Loading />}
      {deliveries?.length === 0 && <p class="muted">{t("integrations.delivery.none")}</p>}
      <ul class="delivery-list">
        {deliveries?.map((delivery) => (
          <DeliveryRow key={delivery.id} delivery={delivery} onRedeliver={() => redeliver(delivery)} />
        ))}
      </ul>
    </section>
  );
}

function DeliveryRow({ delivery: d, onRedeliver }: { delivery: WebhookDelivery; onRedeliver: () => void }) {
  return (
    <li data-testid="delivery" data-status={d.status} data-kind={d.kind} data-delivery-id={d.id}>
      <div class="delivery-head">
        <strong>{eventLabel(d.eventType)}</strong>
        <span class="muted small">{deliveryKindLabel(d.kind)}</span>
        <span class={`badge delivery-${d.status}`} data-testid="delivery-status">
          {deliveryStatusLabel(d.status)}
        </span>
        <time class="muted small" dateTime={d.createdAt}>
          {formatRelative(d.createdAt)}
        </time>
      </div>
      <p class="small" data-testid="delivery-meta">
        {t("integrations.delivery.attempts", { count: d.attempts })}
        {" · "}
        {d.responseStatus === null ? t("integrations.delivery.noAnswer") : t("integrations.delivery.answer", { status: d.responseStatus })}
        {d.nextAttemptAt && ` · ${t("integrations.delivery.next", { when: formatRelative(d.nextAttemptAt) })}`}
      </p>
      {d.responseExcerpt && <code class="delivery-excerpt small">{excerpt(d.responseExcerpt, 200)}</code>}
      {d.error && <p class="field-error small">{d.error}</p>}
      <button type="button" class="button-secondary button-small" data-testid="delivery-redeliver" onClick={onRedeliver}>
        {t("integrations.delivery.redeliver")}
      </button>
    </li>
  );
}
