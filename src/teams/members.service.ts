// Members and roles: who may change whom. Admins manage admins, editors and viewers; only owners make or unmake
// owners; a workspace always keeps at least one owner; leaving is for anyone but its last owner.
import type { Context } from "hono";
import { audit } from "../audit/audit";
import { atLeast, type Role } from "../auth/roles";
import type { AppEnv } from "../env";
import { AppError, notFound } from "../shared/errors";
import { iso } from "../shared/http";
import { countOwners, findMember, removeMember, setRole } from "./members.repo";

export const memberView = (m: { userId: string; email: string; role: Role; joinedAt: number }) => ({
  userId: m.userId,
  email: m.email,
  role: m.role,
  joinedAt: iso(m.joinedAt)!,
});

async function manageable(c: Context<AppEnv>, userId: string) {
  const { workspaceId, role, userId: self } = c.get("session");
  const target = await findMember(c.var.db, workspaceId, userId);
  if (!target) throw notFound("Member");
  if (target.role === "owner" && role !== "owner") throw new AppError(403, "forbidden", "Only an owner can change or remove an owner");
  return { target, self, workspaceId, role };
}

async function keepAnOwner(c: Context<AppEnv>, workspaceId: string, losing: Role) {
  if (losing === "owner" && (await countOwners(c.var.db, workspaceId)) <= 1) {
    throw new AppError(409, "last_owner", "A workspace needs an owner: make someone else owner first");
  }
}

export async function changeRole(c: Context<AppEnv>, userId: string, next: Role) {
  const { target, workspaceId, role } = await manageable(c, userId);
  if (!atLeast(role, next)) throw new AppError(403, "forbidden", `Only an owner can make someone ${next}`);
  if (target.role !== next) {
    await keepAnOwner(c, workspaceId, target.role);
    await setRole(c.var.db, workspaceId, userId, next);
    await audit(c, "member.role_change", userId, { email: target.email, from: target.role, to: next });
  }
  return { ...target, role: next };
}

export async function removeFromWorkspace(c: Context<AppEnv>, userId: string) {
  const { target, self, workspaceId } = await manageable(c, userId);
  if (userId === self) throw new AppError(409, "use_leave", "To leave the workspace yourself, use POST /api/workspace/leave");
  await keepAnOwner(c, workspaceId, target.role);
  await removeMember(c.var.db, workspaceId, userId, c.var.now);
  await audit(c, "member.remove", userId, { email: target.email, role: target.role });
}

export async function leaveWorkspace(c: Context<AppEnv>) {
  const { workspaceId, userId, role, email } = c.get("session");
  await keepAnOwner(c, workspaceId, role);
  await audit(c, "member.leave", userId, { email, role });
  await removeMember(c.var.db, workspaceId, userId, c.var.now);
}
