// Workspace members and the workspaces a user belongs to, in D1.
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { Role } from "../auth/roles";
import type { Database } from "../db/client";
import { sessions, users, workspaceMembers, workspaces } from "../db/schema";
import { revokeMemberTokens } from "../tokens/tokens.repo";

export async function listMembers(db: Database, workspaceId: string) {
  return db
    .select({ userId: workspaceMembers.userId, email: users.email, role: workspaceMembers.role, joinedAt: workspaceMembers.createdAt })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(workspaceMembers.createdAt));
}

export async function findMember(db: Database, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ userId: workspaceMembers.userId, email: users.email, role: workspaceMembers.role, joinedAt: workspaceMembers.createdAt })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function countOwners(db: Database, workspaceId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, "owner")));
  return row?.n ?? 0;
}

export async function setRole(db: Database, workspaceId: string, userId: string, role: Role) {
  await db
    .update(workspaceMembers)
    .set({ role })
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
}

export async function addMember(db: Database, workspaceId: string, userId: string, role: Role, now: number) {
  await db.insert(workspaceMembers).values({ workspaceId, userId, role, createdAt: now });
}

/**
 * Takes a user out of a workspace in one batch: their sessions working in it move to another workspace of theirs
 * (or end when they have none), their API tokens for it are revoked, and the membership goes.
 */
export async function removeMember(db: Database, workspaceId: string, userId: string, now: number) {
  const other = sql`(SELECT m.workspace_id FROM workspace_members m WHERE m.user_id = ${userId} AND m.workspace_id != ${workspaceId}
    ORDER BY m.created_at LIMIT 1)`;
  const here = and(eq(sessions.userId, userId), eq(sessions.workspaceId, workspaceId));
  await db.batch([
    db
      .update(sessions)
      .set({ workspaceId: sql`coalesce(${other}, ${sessions.workspaceId})` })
      .where(here),
    db.delete(sessions).where(here),
    revokeMemberTokens(db, workspaceId, userId, now),
    db.delete(workspaceMembers).where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId))),
  ]);
}

/** The workspaces a user belongs to, with their role, in the order they joined. */
export async function workspacesOf(db: Database, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: workspaceMembers.role, joinedAt: workspaceMembers.createdAt })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaceMembers.createdAt));
}

export async function findWorkspace(db: Database, workspaceId: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) return null;
  const [members] = await db.select({ n: count() }).from(workspaceMembers).where(eq(workspaceMembers.workspaceId, workspaceId));
  return { ...row, memberCount: members?.n ?? 0 };
}

export async function updateWorkspace(db: Database, workspaceId: string, patch: { name?: string; requireApproval?: boolean }) {
  if (Object.keys(patch).length === 0) return;
  await db.update(workspaces).set(patch).where(eq(workspaces.id, workspaceId));
}

/** Other members than `userId` (a sole owner deleting their account must hand such workspaces over first). */
export async function otherMemberCount(db: Database, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), ne(workspaceMembers.userId, userId)));
  return row?.n ?? 0;
}
