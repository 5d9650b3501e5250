// The integrations screen's vocabulary in words: alerts, personal and team channels, webhook event types and
// delivery states, each from the message catalogue (the lists themselves are the server's pure constants).
import { ALERTS, type Alert, PERSONAL_CHANNELS, type PersonalChannel, SHARED_CHANNELS } from "../../../src/alerts/alert-kinds.ts";
import { EVENT_TYPES, type EventType } from "../../../src/events/event-types.ts";
import type { WebhookDelivery } from "../api.ts";
import { type MessageKey, t } from "../i18n/index.ts";

export { ALERTS, type Alert, EVENT_TYPES, type EventType, PERSONAL_CHANNELS, type PersonalChannel, SHARED_CHANNELS };
export type SharedChannel = (typeof SHARED_CHANNELS)[number];

const ALERT_KEYS: Record<Alert, MessageKey> = {
  failed: "integrations.alert.failed",
  missed: "integrations.alert.missed",
  unconfirmed: "integrations.alert.unconfirmed",
  needs_reconnect: "integrations.alert.needs_reconnect",
  preflight_warning: "integrations.alert.preflight_warning",
  published: "integrations.alert.published",
  digest: "integrations.alert.digest",
};
const ALERT_HINTS: Record<Alert, MessageKey> = {
  failed: "integrations.alertHint.failed",
  missed: "integrations.alertHint.missed",
  unconfirmed: "integrations.alertHint.unconfirmed",
  needs_reconnect: "integrations.alertHint.needs_reconnect",
  preflight_warning: "integrations.alertHint.preflight_warning",
  published: "integrations.alertHint.published",
  digest: "integrations.alertHint.digest",
};
const CHANNEL_KEYS: Record<PersonalChannel | SharedChannel, MessageKey> = {
  in_app: "integrations.channel.in_app",
  email: "integrations.channel.email",
  slack: "integrations.channel.slack",
  discord: "integrations.channel.discord",
};
const EVENT_KEYS: Record<EventType, MessageKey> = {
  "post.scheduled": "integrations.event.post.scheduled",
  "post.published": "integrations.event.post.published",
  "post.failed": "integrations.event.post.failed",
  "post.missed": "integrations.event.post.missed",
  "post.unconfirmed": "integrations.event.post.unconfirmed",
  "post.preflight_warning": "integrations.event.post.preflight_warning",
  "account.needs_reconnect": "integrations.event.account.needs_reconnect",
  "video.ready": "integrations.event.video.ready",
  "video.rejected": "integrations.event.video.rejected",
};
const DELIVERY_STATUS_KEYS: Record<WebhookDelivery["status"], MessageKey> = {
  pending: "integrations.delivery.pending",
  delivered: "integrations.delivery.delivered",
  failed: "integrations.delivery.failed",
};
const DELIVERY_KIND_KEYS: Record<WebhookDelivery["kind"], MessageKey> = {
  event: "integrations.delivery.kindEvent",
  redelivery: "integrations.delivery.kindRedelivery",
  test: "integrations.delivery.kindTest",
};

export const alertLabel = (alert: Alert) => t(ALERT_KEYS[alert]);
export const alertHint = (alert: Alert) => t(ALERT_HINTS[alert]);
export const channelLabel = (channel: PersonalChannel | SharedChannel) => t(CHANNEL_KEYS[channel]);
/** Known event types in words (and the test delivery's `ping`); anything else as the server named it. */
export const eventLabel = (type: string) =>
  type in EVENT_KEYS ? t(EVENT_KEYS[type as EventType]) : type === "ping" ? t("integrations.event.ping") : type;
export const deliveryStatusLabel = (status: WebhookDelivery["status"]) => t(DELIVERY_STATUS_KEYS[status]);
export const deliveryKindLabel = (kind: WebhookDelivery["kind"]) => t(DELIVERY_KIND_KEYS[kind]);
