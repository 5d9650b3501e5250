// Sign-up and sign-in: a user, their first workspace, and password checks.
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { users, workspaceMembers, workspaces } from "../db/schema";
import { AppError } from "../shared/errors";
import { newId } from "../shared/ids";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../shared/password";

/** Verified against when the email is unknown, so both paths cost one PBKDF2 run. */
const DUMMY_HASH = `pbkdf2$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

export type Identity = { user: { id: string; email: string }; workspace: { id: string; name: string } };

export async function signUp(db: Database, email: string, password: string, now: number): Promise<Identity> {
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing.length > 0) throw new AppError(409, "email_taken", "An account with this email already exists");
  const user = { id: newId("usr"), email };
  const workspace = { id: newId("ws"), name: `${email.split("@")[0]}'s workspace` };
  await db.batch([
    db.insert(users).values({ ...user, passwordHash: await hashPassword(password), createdAt: now }),
    db.insert(workspaces).values({ ...workspace, createdAt: now }),
    db.insert(workspaceMembers).values({ workspaceId: workspace.id, userId: user.id, role: "owner", createdAt: now }),
  ]);
  return { user, workspace };
}

export async function logIn(db: Database, email: string, password: string): Promise<Identity> {
  const [row] = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash, workspaceId: workspaces.id, workspaceName: workspaces.name })
    .from(users)
    .innerJoin(workspaceMembers, eq(workspaceMembers.userId, users.id))
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(users.email, email))
    .orderBy(workspaceMembers.createdAt)
    .limit(1);
  // Same message, and the same PBKDF2 work, whether the email exists or not: no account enumeration.
  const valid = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !valid) {
    throw new AppError(401, "invalid_credentials", "Email or password is incorrect");
  }
  return { user: { id: row.id, email: row.email }, workspace: { id: row.workspaceId, name: row.workspaceName } };
}

export async function identityOf(db: Database, userId: string, workspaceId: string): Promise<Identity> {
  const [row] = await db
    .select({ email: users.email, workspaceName: workspaces.name })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, workspaceId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw new AppError(401, "unauthenticated", "Sign in to continue");
  return { user: { id: userId, email: row.email }, workspace: { id: workspaceId, name: row.workspaceName } };
}
