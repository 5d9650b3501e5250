// Users and their workspaces in D1.
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { users, workspaceMembers, workspaces } from "../db/schema";

/** A user, their first workspace and their owner membership, in one batch. */
export async function insertUserWithWorkspace(
  db: Database,
  user: { id: string; email: string; passwordHash: string },
  workspace: { id: string; name: string },
  now: number,
) {
  await db.batch([
    db.insert(users).values({ ...user, createdAt: now }),
    db.insert(workspaces).values({ ...workspace, createdAt: now }),
    db.insert(workspaceMembers).values({ workspaceId: workspace.id, userId: user.id, role: "owner", createdAt: now }),
  ]);
}

/** A new workspace owned by an existing user. */
export async function insertWorkspace(db: Database, userId: string, workspace: { id: string; name: string }, now: number) {
  await db.batch([
    db.insert(workspaces).values({ ...workspace, createdAt: now }),
    db.insert(workspaceMembers).values({ workspaceId: workspace.id, userId, role: "owner", createdAt: now }),
  ]);
}

export async function findUserByEmail(db: Database, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row ?? null;
}

export async function findUser(db: Database, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

/** The workspace a user lands in at sign-in: the first one they joined, or null when they belong to none. */
export async function firstWorkspaceOf(db: Database, userId: string) {
  const [row] = await db
    .select({ id: workspaces.id })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(workspaceMembers.createdAt)
    .limit(1);
  return row?.id ?? null;
}

/** The user's email and their membership in a workspace (null when they are not a member). */
export async function findIdentity(db: Database, userId: string, workspaceId: string) {
  const [row] = await db
    .select({
      email: users.email,
      workspaceName: workspaces.name,
      role: workspaceMembers.role,
      requireApproval: workspaces.requireApproval,
    })
    .from(users)
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.userId, users.id), eq(workspaceMembers.workspaceId, workspaceId)))
    .innerJoin(workspaces, eq(workspaces.id, workspaceId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function updatePasswordHash(db: Database, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}
