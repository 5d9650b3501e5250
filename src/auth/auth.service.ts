// Sign-up and sign-in without revealing which emails have accounts: one PBKDF2 run on every path, one message
// for every failure, and a sign-up for an email that already has an account acts as a sign-in with it.
import type { Database } from "../db/client";
import { AppError } from "../shared/errors";
import { newId } from "../shared/ids";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../shared/password";
import { checkPasswordPolicy } from "./password-policy";
import {
  findIdentity,
  findUser,
  findUserByEmail,
  firstWorkspaceOf,
  insertUserWithWorkspace,
  insertWorkspace,
  updatePasswordHash,
} from "./users.repo";

/** Verified against when the email is unknown, so both paths cost one PBKDF2 run. */
const DUMMY_HASH = `pbkdf2$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

export type Identity = {
  user: { id: string; email: string };
  workspace: { id: string; name: string; role: "owner" | "admin" | "editor" | "viewer"; requireApproval: boolean };
};

export const invalidCredentials = () => new AppError(401, "invalid_credentials", "Email or password is incorrect");

const personalWorkspace = (email: string) => ({ id: newId("ws"), name: `${email.split("@")[0]}'s workspace` });

/** A new account with its own workspace, or, when the email has one already, a sign-in with these credentials. */
export async function signUp(db: Database, email: string, password: string, now: number): Promise<Identity> {
  checkPasswordPolicy(password);
  const existing = await findUserByEmail(db, email);
  if (existing) return signInAs(db, existing, password, now);
  const user = { id: newId("usr"), email };
  const workspace = personalWorkspace(email);
  await insertUserWithWorkspace(db, { ...user, passwordHash: await hashPassword(password) }, workspace, now);
  return identityOf(db, user.id, workspace.id);
}

export async function logIn(db: Database, email: string, password: string, now: number): Promise<Identity> {
  return signInAs(db, await findUserByEmail(db, email), password, now);
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>;

async function signInAs(db: Database, user: UserRow | null, password: string, now: number): Promise<Identity> {
  // Same message, and the same PBKDF2 work, whether the email exists or not: no account enumeration.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) throw invalidCredentials();
  let workspaceId = await firstWorkspaceOf(db, user.id);
  if (!workspaceId) {
    // Every workspace they belonged to was deleted or left: they get a fresh one of their own.
    const workspace = personalWorkspace(user.email);
    await insertWorkspace(db, user.id, workspace, now);
    workspaceId = workspace.id;
  }
  return identityOf(db, user.id, workspaceId);
}

export async function identityOf(db: Database, userId: string, workspaceId: string): Promise<Identity> {
  const row = await findIdentity(db, userId, workspaceId);
  if (!row) throw new AppError(401, "unauthenticated", "Sign in to continue");
  return {
    user: { id: userId, email: row.email },
    workspace: { id: workspaceId, name: row.workspaceName, role: row.role, requireApproval: row.requireApproval },
  };
}

/** Checks the current password, then stores the new one (the caller ends the user's other sessions). */
export async function changePassword(db: Database, userId: string, current: string, next: string) {
  const user = await findUser(db, userId);
  if (!user || !(await verifyPassword(current, user.passwordHash))) {
    throw new AppError(400, "wrong_password", "The current password is not right", [
      { path: "currentPassword", message: "Not your current password" },
    ]);
  }
  checkPasswordPolicy(next, "newPassword");
  await updatePasswordHash(db, userId, await hashPassword(next));
}
