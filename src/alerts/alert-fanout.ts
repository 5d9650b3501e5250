// Who hears about an event, and where: each member by their preferences (in-app now, email from the queue), and
// each of the workspace's Slack and Discord channels that wants that alert. Every outside delivery carries the key
// (event dedupe key, channel, recipient) that makes it unique, so a second dispatch of the same event sends nothing.
import type { Database } from "../db/client";
import type { AlertDeliveryRow, IntegrationEventRow, NotificationRow } from "../db/schema";
import type { EventBody } from "../events/payload";
import { randomToken } from "../shared/crypto";
import { listMembers } from "../teams/members.repo";
import { ALERT_OF_EVENT, type Alert, DEFAULT_PREFERENCES, type PersonalChannel } from "./alert-kinds";
import { alertText } from "./alert-text";
import { insertAlertDeliveries, insertNotifications, listChannels, preferencesOf } from "./alerts.repo";

export type Preferences = Record<Alert, PersonalChannel[]>;

/** A person's stored choices over the defaults (an alert added later keeps its default). */
export function effectivePreferences(stored: string | null | undefined): Preferences {
  const chosen = stored ? (JSON.parse(stored) as Partial<Preferences>) : {};
  return { ...(DEFAULT_PREFERENCES as unknown as Preferences), ...chosen };
}

export const alertOf = (type: string): Alert | null => (ALERT_OF_EVENT as Record<string, Alert>)[type] ?? null;

function outside(event: IntegrationEventRow, channel: AlertDeliveryRow["channel"], target: string, recipient: string, now: number) {
  return {
    id: `ald_${randomToken(12)}`,
    workspaceId: event.workspaceId,
    eventId: event.id,
    channel,
    target,
    idempotencyKey: `${event.dedupeKey}|${channel}|${recipient}`,
    status: "pending",
    attempts: 0,
    leaseUntil: null,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    sentAt: null,
  } satisfies AlertDeliveryRow;
}

/**
 * Writes the event's in-app notifications and outside deliveries: answers the ids of the deliveries to send, and
 * whether anyone got a notification (their open tabs are told).
 */
export async function fanOutAlerts(db: Database, appUrl: string, event: IntegrationEventRow, body: EventBody, now: number) {
  const alert = alertOf(event.type);
  if (!alert) return { deliveryIds: [], notified: false };
  const ws = event.workspaceId;
  const [members, prefs, channels] = await Promise.all([listMembers(db, ws), preferencesOf(db, ws), listChannels(db, ws)]);
  const stored = new Map(prefs.map((p) => [p.userId, p.prefs]));
  const { title, text, link } = alertText(alert, body, appUrl);
  const notes: NotificationRow[] = [];
  const deliveries: AlertDeliveryRow[] = [];
  for (const m of members) {
    const wanted = effectivePreferences(stored.get(m.userId))[alert];
    if (wanted.includes("in_app")) {
      notes.push({
        id: `ntf_${randomToken(12)}`,
        workspaceId: ws,
        userId: m.userId,
        eventId: event.id,
        alert,
        title,
        body: text,
        link,
        createdAt: event.createdAt,
        readAt: null,
      });
    }
    if (wanted.includes("email")) deliveries.push(outside(event, "email", m.email, m.userId, now));
  }
  for (const c of channels) {
    if ((JSON.parse(c.alerts) as string[]).includes(alert)) deliveries.push(outside(event, c.kind, c.id, c.id, now));
  }
  await insertNotifications(db, notes);
  return { deliveryIds: (await insertAlertDeliveries(db, deliveries)).map((d) => d.id), notified: notes.length > 0 };
}
