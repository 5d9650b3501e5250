// Sessions in D1: only the SHA-256 of each token is stored, so a leaked table grants no sessions.
import { and, eq, gt, lt, ne, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { sessions, users, workspaceMembers } from "../db/schema";

export async function insertSession(db: Database, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** The session for this token hash while it is live (before its absolute end and not idle too long), with its role. */
export async function findLiveSession(db: Database, tokenHash: string, now: number, idleMs: number) {
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      workspaceId: sessions.workspaceId,
      email: users.email,
      role: workspaceMembers.role,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.userId, sessions.userId), eq(workspaceMembers.workspaceId, sessions.workspaceId)))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, now - idleMs)))
    .limit(1);
  return row ?? null;
}

export async function touchSession(db: Database, id: string, now: number) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

/** A user's live sessions, newest first. */
export async function listSessions(db: Database, userId: string, now: number, idleMs: number) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, now - idleMs)))
    .orderBy(sql`${sessions.createdAt} DESC`);
}

/** Ends one of the user's sessions; false when it is not theirs (or already gone). */
export async function deleteUserSession(db: Database, userId: string, id: string) {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return gone.length > 0;
}

/** Ends every session of the user, except `keepId` when given. */
export async function deleteUserSessions(db: Database, userId: string, keepId?: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), keepId ? ne(sessions.id, keepId) : undefined));
}

export async function setSessionWorkspace(db: Database, id: string, workspaceId: string) {
  await db.update(sessions).set({ workspaceId }).where(eq(sessions.id, id));
}

/** Sessions past their absolute end or idle too long (the cron's cleanup). */
export async function deleteExpiredSessions(db: Database, now: number, idleMs: number) {
  return (
    await db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, now - idleMs)))
      .run()
  ).meta.changes;
}
