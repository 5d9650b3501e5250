// Invites by link: an admin creates one (for a role, optionally for one email); the link carries a one-time token
// (only its hash is stored) in its fragment, so it never reaches server logs or Referer headers. Accepting joins the
// workspace and switches the session to it. Email delivery is not configured: the link is shown to the inviter.
import { atLeast, type Role } from "../auth/roles";
import type { Database } from "../db/client";
import { randomToken, sha256Hex } from "../shared/crypto";
import { AppError } from "../shared/errors";
import { iso } from "../shared/http";
import { type InviteRow, insertInvite, takeInvite } from "./invites.repo";
import { addMember, findMember } from "./members.repo";
import type { INVITE_ROLES } from "./teams.schemas";

/** An invite link works for a week. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export const inviteView = (row: InviteRow, invitedBy: string | null) => ({
  id: row.id,
  role: row.role,
  email: row.email,
  createdAt: iso(row.createdAt)!,
  expiresAt: iso(row.expiresAt)!,
  invitedBy,
});

type Inviter = { workspaceId: string; userId: string; role: Role; email: string };

export async function createInvite(
  db: Database,
  appUrl: string,
  inviter: Inviter,
  input: { role: (typeof INVITE_ROLES)[number]; email?: string },
  now: number,
) {
  if (!atLeast(inviter.role, input.role)) throw new AppError(403, "forbidden", `You cannot invite someone as ${input.role}`);
  const token = `inv_${randomToken(32)}`;
  const row: InviteRow = {
    id: `inv_${randomToken(12)}`,
    workspaceId: inviter.workspaceId,
    email: input.email ?? null,
    role: input.role,
    tokenHash: await sha256Hex(token),
    createdBy: inviter.userId,
    createdAt: now,
    expiresAt: now + INVITE_TTL_MS,
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
  };
  await insertInvite(db, row);
  return { invite: inviteView(row, inviter.email), url: new URL(`/invite#${token}`, appUrl).toString(), delivery: "link" as const };
}

type Accepter = { userId: string; email: string };

/** Joins the invite's workspace with its role; the invite is used up. */
export async function acceptInvite(db: Database, found: { invite: InviteRow }, who: Accepter, now: number) {
  const { invite } = found;
  if (invite.email && invite.email.toLowerCase() !== who.email.toLowerCase()) {
    throw new AppError(403, "invite_for_someone_else", "This invite is for another email address");
  }
  if (await findMember(db, invite.workspaceId, who.userId))
    throw new AppError(409, "already_member", "You are already a member of this workspace");
  if (!(await takeInvite(db, invite.id, who.userId, now))) throw new AppError(404, "not_found", "Invite not found");
  await addMember(db, invite.workspaceId, who.userId, invite.role, now);
  return invite;
}
