// Webhook endpoints and their deliveries in D1.
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { batchSlices, columnCount } from "../db/in-slices";
import { type DeliveryRow, type EndpointRow, integrationEvents, webhookDeliveries, webhookEndpoints } from "../db/schema";

export async function insertEndpoint(db: Database, row: EndpointRow) {
  await db.insert(webhookEndpoints).values(row);
}

export async function listEndpoints(db: Database, workspaceId: string) {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId)).orderBy(webhookEndpoints.createdAt);
}

export async function findEndpoint(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)));
  return row ?? null;
}

export async function updateEndpoint(db: Database, workspaceId: string, id: string, set: Partial<EndpointRow>) {
  const [row] = await db
    .update(webhookEndpoints)
    .set(set)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)))
    .returning();
  return row ?? null;
}

export async function deleteEndpoint(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)))
    .returning({ id: webhookEndpoints.id });
  return row ?? null;
}

/** The workspace's enabled endpoints subscribed to `type`. */
export async function subscribedEndpoints(db: Database, workspaceId: string, type: string) {
  return db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.workspaceId, workspaceId),
        eq(webhookEndpoints.enabled, true),
        sql`EXISTS (SELECT 1 FROM json_each(${webhookEndpoints.events}) WHERE value = ${type})`,
      ),
    );
}

/** New deliveries; an (endpoint, event) pair already delivered as `event` is skipped. Returns the rows created. */
export async function insertDeliveries(db: Database, rows: DeliveryRow[]) {
  const inserted = await batchSlices<DeliveryRow, { id: string }[]>(db, rows, columnCount(webhookDeliveries), (slice) =>
    db.insert(webhookDeliveries).values(slice).onConflictDoNothing().returning({ id: webhookDeliveries.id }),
  );
  return inserted.flat();
}

export async function listDeliveries(db: Database, endpointId: string) {
  return db
    .select({ delivery: webhookDeliveries, eventType: integrationEvents.type })
    .from(webhookDeliveries)
    .innerJoin(integrationEvents, eq(integrationEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(100);
}

export async function findDelivery(db: Database, endpointId: string, deliveryId: string) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, eventType: integrationEvents.type })
    .from(webhookDeliveries)
    .innerJoin(integrationEvents, eq(integrationEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)));
  return row ?? null;
}

/**
 * Takes a pending delivery for one attempt (a lease, so a duplicated queue message does not send it twice at once).
 * Returns it with its endpoint and event, or null when it is not due to this caller.
 */
export async function claimDelivery(db: Database, deliveryId: string, now: number, leaseMs: number) {
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ leaseUntil: now + leaseMs, attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: now })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.status, "pending"),
        or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, now)),
      ),
    )
    .returning();
  if (!claimed) return null;
  const [context] = await db
    .select({ endpoint: webhookEndpoints, event: integrationEvents })
    .from(webhookEndpoints)
    .innerJoin(integrationEvents, eq(integrationEvents.id, claimed.eventId))
    .where(eq(webhookEndpoints.id, claimed.endpointId));
  return context ? { delivery: claimed, ...context } : null;
}

export async function finishAttempt(db: Database, deliveryId: string, set: Partial<DeliveryRow>) {
  await db
    .update(webhookDeliveries)
    .set({ ...set, leaseUntil: null })
    .where(eq(webhookDeliveries.id, deliveryId));
}

/** Pending deliveries whose attempt is well overdue (their queue message was lost): sent again by the dispatcher. */
export async function overdueDeliveries(db: Database, before: number, limit: number) {
  return db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "pending"), lt(webhookDeliveries.nextAttemptAt, before)))
    .limit(limit);
}

/** Endpoints whose secret is not sealed under key `keyId` (the key rotation's work). */
export async function endpointsNotSealedUnder(db: Database, keyId: string, limit: number) {
  return db
    .select({ id: webhookEndpoints.id, stored: webhookEndpoints.secret })
    .from(webhookEndpoints)
    .where(sql`${webhookEndpoints.secret} NOT LIKE ${`v2.${keyId}.%`}`)
    .limit(limit);
}

/** Replaces the stored secret only if it is still `old` (a rotation by an admin meanwhile wins). */
export async function resealEndpointSecret(db: Database, id: string, old: string, sealed: string) {
  await db
    .update(webhookEndpoints)
    .set({ secret: sealed })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.secret, old)));
}
