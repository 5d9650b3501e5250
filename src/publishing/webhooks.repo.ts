// Receipts of TikTok webhooks already applied (deduplication by a hash of the raw body).
import { eq, lt } from "drizzle-orm";
import type { Database } from "../db/client";
import { webhookReceipts } from "../db/schema";

export async function seenBefore(db: Database, bodyHash: string) {
  const rows = await db
    .select({ h: webhookReceipts.bodyHash })
    .from(webhookReceipts)
    .where(eq(webhookReceipts.bodyHash, bodyHash))
    .limit(1);
  return rows.length > 0;
}

export async function recordReceipt(db: Database, bodyHash: string, event: string, now: number) {
  await db.insert(webhookReceipts).values({ bodyHash, event, receivedAt: now }).onConflictDoNothing();
}

export async function deleteOldReceipts(db: Database, before: number) {
  return (await db.delete(webhookReceipts).where(lt(webhookReceipts.receivedAt, before)).run()).meta.changes;
}
