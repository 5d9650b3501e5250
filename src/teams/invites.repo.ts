// Invites in D1: found by the SHA-256 of their token; accepting is a conditional update, so a link works once.
import { and, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../db/client";
import { invites, users, workspaces } from "../db/schema";

export type InviteRow = typeof invites.$inferSelect;

export async function insertInvite(db: Database, row: InviteRow) {
  await db.insert(invites).values(row);
}

const open = (now: number) => and(isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, now));

export async function listOpenInvites(db: Database, workspaceId: string, now: number) {
  return db
    .select({ invite: invites, invitedBy: users.email })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.createdBy))
    .where(and(eq(invites.workspaceId, workspaceId), open(now)))
    .orderBy(desc(invites.createdAt));
}

/** The open invite with this token hash, with its workspace's name and who sent it. */
export async function findOpenInvite(db: Database, tokenHash: string, now: number) {
  const [row] = await db
    .select({ invite: invites, workspaceName: workspaces.name, invitedBy: users.email })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .leftJoin(users, eq(users.id, invites.createdBy))
    .where(and(eq(invites.tokenHash, tokenHash), open(now)))
    .limit(1);
  return row ?? null;
}

/** Marks the invite accepted by `userId`, only if it is still open (two people racing for one link: one wins). */
export async function takeInvite(db: Database, id: string, userId: string, now: number) {
  const taken = await db
    .update(invites)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(and(eq(invites.id, id), open(now)))
    .returning({ id: invites.id });
  return taken.length > 0;
}

export async function revokeInvite(db: Database, workspaceId: string, id: string, now: number) {
  const gone = await db
    .update(invites)
    .set({ revokedAt: now })
    .where(and(eq(invites.id, id), eq(invites.workspaceId, workspaceId), open(now)))
    .returning({ id: invites.id });
  return gone.length > 0;
}

/** Invites that can no longer be used, a month after they stopped being usable. */
export async function deleteStaleInvites(db: Database, before: number) {
  const stale = or(lt(invites.expiresAt, before), lt(invites.acceptedAt, before), lt(invites.revokedAt, before));
  return (await db.delete(invites).where(stale).run()).meta.changes;
}
