// The dispatcher: turns pending integration events into webhook deliveries (one per subscribed endpoint, once) and
// alerts (src/alerts/alert-fanout.ts), fixes each
// event's body, and queues the first attempts. A crash halfway is safe: deliveries are unique per (endpoint,
// event), an event is marked dispatched only after its deliveries exist, and overdue deliveries are queued again.
import { fanOutAlerts } from "../alerts/alert-fanout";
import type { Database } from "../db/client";
import { insertDeliveries, overdueDeliveries, subscribedEndpoints } from "../webhook-endpoints/endpoints.repo";
import { newDelivery } from "../webhook-endpoints/endpoints.service";
import { hasPendingEvents, markDispatched, pendingEvents } from "./events.repo";
import { type IntegrationMessage, sendAll } from "./messages";
import { eventBody } from "./payload";

/** Events per dispatch message; more are left to the next message. */
const BATCH = 50;
/** A pending delivery this far past its attempt lost its queue message. */
const OVERDUE_MS = 10 * 60_000;

/** Dispatches up to BATCH events: whether more are waiting, and the workspaces whose people got notifications. */
export async function dispatchEvents(db: Database, queue: Queue, appUrl: string, now: number) {
  const events = await pendingEvents(db, BATCH);
  const messages: IntegrationMessage[] = [];
  const notified = new Set<string>();
  for (const event of events) {
    const data = await eventBody(db, event);
    const body = JSON.stringify(data);
    const alerts = await fanOutAlerts(db, appUrl, event, data, now);
    for (const alertId of alerts.deliveryIds) messages.push({ kind: "alert", alertId });
    if (alerts.notified) notified.add(event.workspaceId);
    const endpoints = await subscribedEndpoints(db, event.workspaceId, event.type);
    const created = await insertDeliveries(
      db,
      endpoints.map((e) => newDelivery(e.id, event.id, "event", now)),
    );
    await markDispatched(db, event.id, body, now);
    for (const d of created) messages.push({ kind: "webhook", deliveryId: d.id });
  }
  const overdue = await overdueDeliveries(db, now - OVERDUE_MS, 100);
  for (const d of overdue) messages.push({ kind: "webhook", deliveryId: d.id });
  await sendAll(queue, messages);
  return { more: events.length === BATCH, notified };
}

/** The tick's part: one dispatch message when events or lost deliveries wait (nothing when all is quiet). */
export async function kickDispatch(db: Database, queue: Queue, now: number) {
  if ((await hasPendingEvents(db)) || (await overdueDeliveries(db, now - OVERDUE_MS, 1)).length > 0) {
    await queue.send({ kind: "dispatch" } satisfies IntegrationMessage);
  }
}
