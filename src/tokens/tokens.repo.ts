// API tokens in D1, looked up by the SHA-256 of the presented token.
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { apiTokens, users, workspaceMembers } from "../db/schema";

export type TokenRow = typeof apiTokens.$inferSelect;

export async function insertToken(db: Database, row: typeof apiTokens.$inferInsert) {
  await db.insert(apiTokens).values(row);
}

/** The live token with this hash, with its user's email and current role in the token's workspace. */
export async function findLiveToken(db: Database, tokenHash: string) {
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      workspaceId: apiTokens.workspaceId,
      roleLimit: apiTokens.roleLimit,
      lastUsedAt: apiTokens.lastUsedAt,
      email: users.email,
      role: workspaceMembers.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(
      workspaceMembers,
      and(eq(workspaceMembers.userId, apiTokens.userId), eq(workspaceMembers.workspaceId, apiTokens.workspaceId)),
    )
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function touchToken(db: Database, id: string, now: number) {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

/** A user's live tokens in a workspace, newest first. */
export async function listTokens(db: Database, workspaceId: string, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(sql`${apiTokens.createdAt} DESC`);
}

/** Revokes one of the user's tokens in the workspace; the revoked row, or null when there is none. */
export async function revokeToken(db: Database, workspaceId: string, userId: string, id: string, now: number) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
  return row ?? null;
}

/** Revokes every live token of a user in a workspace (they left it, or were removed). */
export function revokeMemberTokens(db: Database, workspaceId: string, userId: string, now: number) {
  return db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Revoked tokens are kept a while (the audit log names them), then removed by the cron's cleanup. */
export async function deleteRevokedTokens(db: Database, before: number) {
  return (await db.delete(apiTokens).where(lt(apiTokens.revokedAt, before)).run()).meta.changes;
}
