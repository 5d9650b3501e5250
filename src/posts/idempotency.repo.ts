// Idempotency keys of POST /api/posts in D1: reserved before the post is created, with the post id chosen then.
import { and, eq, lt } from "drizzle-orm";
import type { Database } from "../db/client";
import { idempotencyKeys } from "../db/schema";

export type KeyRow = typeof idempotencyKeys.$inferSelect;
type Scope = { workspaceId: string; userId: string; key: string };

const where = (s: Scope) =>
  and(eq(idempotencyKeys.workspaceId, s.workspaceId), eq(idempotencyKeys.userId, s.userId), eq(idempotencyKeys.key, s.key));

/** Reserves the key for `row.postId`; when the key was already used, returns the earlier reservation instead. */
export async function reserveKey(db: Database, row: KeyRow): Promise<{ fresh: true } | { fresh: false; row: KeyRow }> {
  const inserted = await db.insert(idempotencyKeys).values(row).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { fresh: true };
  const [existing] = await db.select().from(idempotencyKeys).where(where(row)).limit(1);
  // Expired between the insert and the read (cleanup): treat as fresh on the next try.
  return existing ? { fresh: false, row: existing } : { fresh: true };
}

export async function saveKeyWarnings(db: Database, scope: Scope, warnings: string[]) {
  await db
    .update(idempotencyKeys)
    .set({ warnings: JSON.stringify(warnings) })
    .where(where(scope));
}

/** The create failed (bad input, a conflict): the key may be used again. */
export async function releaseKey(db: Database, scope: Scope) {
  await db.delete(idempotencyKeys).where(where(scope));
}

export async function deleteExpiredKeys(db: Database, now: number) {
  return (await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).run()).meta.changes;
}
