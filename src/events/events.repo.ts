// The integration events outbox in D1: pending events for the dispatcher, and test events for one endpoint.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { type IntegrationEventRow, integrationEvents } from "../db/schema";

export async function pendingEvents(db: Database, limit: number) {
  return db
    .select()
    .from(integrationEvents)
    .where(isNull(integrationEvents.dispatchedAt))
    .orderBy(asc(integrationEvents.createdAt))
    .limit(limit);
}

export async function hasPendingEvents(db: Database) {
  const [row] = await db
    .select({ id: integrationEvents.id })
    .from(integrationEvents)
    .where(isNull(integrationEvents.dispatchedAt))
    .limit(1);
  return row !== undefined;
}

/** Fixes the event's body (once: a second dispatcher keeps the first one's). */
export async function markDispatched(db: Database, id: string, payload: string, now: number) {
  await db
    .update(integrationEvents)
    .set({ payload, dispatchedAt: now })
    .where(and(eq(integrationEvents.id, id), isNull(integrationEvents.dispatchedAt)));
}

/** An event that goes nowhere by itself (a test ping): already dispatched, its body fixed. */
export async function insertDispatchedEvent(db: Database, row: IntegrationEventRow) {
  await db.insert(integrationEvents).values(row);
}

export async function findEvent(db: Database, id: string) {
  const [row] = await db.select().from(integrationEvents).where(eq(integrationEvents.id, id));
  return row ?? null;
}
