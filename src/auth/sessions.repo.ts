// Sessions in D1: only the SHA-256 of each token is stored, so a leaked table grants no sessions.
import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../db/client";
import { sessions, users } from "../db/schema";

export async function insertSession(db: Database, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** The live session for this token hash, with its user's email. */
export async function findLiveSession(db: Database, tokenHash: string, now: number) {
  const [row] = await db
    .select({ userId: sessions.userId, workspaceId: sessions.workspaceId, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}
