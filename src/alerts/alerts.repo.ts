// Alerts in D1: preferences, channels, the notification centre, outside deliveries and the dev outbox.
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { batchSlices, columnCount } from "../db/in-slices";
import {
  type AlertChannelRow,
  type AlertDeliveryRow,
  alertChannels,
  alertDeliveries,
  alertPreferences,
  emailOutbox,
  integrationEvents,
  type NotificationRow,
  notifications,
} from "../db/schema";

export async function preferencesOf(db: Database, workspaceId: string) {
  return db.select().from(alertPreferences).where(eq(alertPreferences.workspaceId, workspaceId));
}

export async function savePreferences(db: Database, workspaceId: string, userId: string, prefs: string, now: number) {
  await db
    .insert(alertPreferences)
    .values({ workspaceId, userId, prefs, updatedAt: now })
    .onConflictDoUpdate({ target: [alertPreferences.workspaceId, alertPreferences.userId], set: { prefs, updatedAt: now } });
}

export async function insertChannel(db: Database, row: AlertChannelRow) {
  await db.insert(alertChannels).values(row);
}

export async function listChannels(db: Database, workspaceId: string) {
  return db.select().from(alertChannels).where(eq(alertChannels.workspaceId, workspaceId)).orderBy(alertChannels.createdAt);
}

export async function deleteChannel(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .delete(alertChannels)
    .where(and(eq(alertChannels.id, id), eq(alertChannels.workspaceId, workspaceId)))
    .returning({ id: alertChannels.id });
  return row ?? null;
}

export async function insertNotifications(db: Database, rows: NotificationRow[]) {
  await batchSlices(db, rows, columnCount(notifications), (slice) => db.insert(notifications).values(slice).onConflictDoNothing());
}

export async function listNotifications(db: Database, workspaceId: string, userId: string) {
  const mine = and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId));
  const [list, [unread]] = await Promise.all([
    db.select().from(notifications).where(mine).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(100),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return { list, unread: unread?.n ?? 0 };
}

export async function markRead(db: Database, workspaceId: string, userId: string, ids: string[] | "all", now: number) {
  const mine = and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(ids === "all" ? mine : and(mine, inArray(notifications.id, ids)));
}

/** New outside deliveries; one whose idempotency key exists is skipped. Returns the rows created. */
export async function insertAlertDeliveries(db: Database, rows: AlertDeliveryRow[]) {
  const inserted = await batchSlices<AlertDeliveryRow, { id: string }[]>(db, rows, columnCount(alertDeliveries), (slice) =>
    db.insert(alertDeliveries).values(slice).onConflictDoNothing().returning({ id: alertDeliveries.id }),
  );
  return inserted.flat();
}

export async function claimAlert(db: Database, id: string, now: number, leaseMs: number) {
  const [claimed] = await db
    .update(alertDeliveries)
    .set({ leaseUntil: now + leaseMs, attempts: sql`${alertDeliveries.attempts} + 1` })
    .where(
      and(
        eq(alertDeliveries.id, id),
        eq(alertDeliveries.status, "pending"),
        or(isNull(alertDeliveries.leaseUntil), lt(alertDeliveries.leaseUntil, now)),
      ),
    )
    .returning();
  if (!claimed) return null;
  const [event] = await db.select().from(integrationEvents).where(eq(integrationEvents.id, claimed.eventId));
  return event ? { delivery: claimed, event } : null;
}

export async function finishAlert(db: Database, id: string, set: Partial<AlertDeliveryRow>) {
  await db
    .update(alertDeliveries)
    .set({ ...set, leaseUntil: null })
    .where(eq(alertDeliveries.id, id));
}

export async function findChannel(db: Database, id: string) {
  const [row] = await db.select().from(alertChannels).where(eq(alertChannels.id, id));
  return row ?? null;
}

export async function outbox(db: Database, workspaceId: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.workspaceId, workspaceId)).orderBy(desc(emailOutbox.createdAt)).limit(100);
}

/** Channels whose hook URL is not sealed under key `keyId` (the key rotation's work). */
export async function channelsNotSealedUnder(db: Database, keyId: string, limit: number) {
  return db
    .select({ id: alertChannels.id, stored: alertChannels.url })
    .from(alertChannels)
    .where(sql`${alertChannels.url} NOT LIKE ${`v2.${keyId}.%`}`)
    .limit(limit);
}

export async function resealChannelUrl(db: Database, id: string, old: string, sealed: string) {
  await db
    .update(alertChannels)
    .set({ url: sealed })
    .where(and(eq(alertChannels.id, id), eq(alertChannels.url, old)));
}
