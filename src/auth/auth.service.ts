// Sign-up and sign-in: a user, their first workspace, and password checks.
import type { Database } from "../db/client";
import { AppError } from "../shared/errors";
import { newId } from "../shared/ids";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../shared/password";
import { emailTaken, findIdentity, findLogin, insertUserWithWorkspace } from "./users.repo";

/** Verified against when the email is unknown, so both paths cost one PBKDF2 run. */
const DUMMY_HASH = `pbkdf2$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

export type Identity = { user: { id: string; email: string }; workspace: { id: string; name: string } };

export async function signUp(db: Database, email: string, password: string, now: number): Promise<Identity> {
  if (await emailTaken(db, email)) throw new AppError(409, "email_taken", "An account with this email already exists");
  const user = { id: newId("usr"), email };
  const workspace = { id: newId("ws"), name: `${email.split("@")[0]}'s workspace` };
  await insertUserWithWorkspace(db, { ...user, passwordHash: await hashPassword(password) }, workspace, now);
  return { user, workspace };
}

export async function logIn(db: Database, email: string, password: string): Promise<Identity> {
  const row = await findLogin(db, email);
  // Same message, and the same PBKDF2 work, whether the email exists or not: no account enumeration.
  const valid = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !valid) {
    throw new AppError(401, "invalid_credentials", "Email or password is incorrect");
  }
  return { user: { id: row.id, email: row.email }, workspace: { id: row.workspaceId, name: row.workspaceName } };
}

export async function identityOf(db: Database, userId: string, workspaceId: string): Promise<Identity> {
  const row = await findIdentity(db, userId, workspaceId);
  if (!row) throw new AppError(401, "unauthenticated", "Sign in to continue");
  return { user: { id: userId, email: row.email }, workspace: { id: workspaceId, name: row.workspaceName } };
}
