// Users and their workspaces in D1.
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { users, workspaceMembers, workspaces } from "../db/schema";

export async function emailTaken(db: Database, email: string) {
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return existing.length > 0;
}

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

/** The user with this email and the first workspace they joined. */
export async function findLogin(db: Database, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
    })
    .from(users)
    .innerJoin(workspaceMembers, eq(workspaceMembers.userId, users.id))
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(users.email, email))
    .orderBy(workspaceMembers.createdAt)
    .limit(1);
  return row ?? null;
}

export async function findIdentity(db: Database, userId: string, workspaceId: string) {
  const [row] = await db
    .select({ email: users.email, workspaceName: workspaces.name })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, workspaceId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}
