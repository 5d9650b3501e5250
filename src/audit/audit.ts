// Records what the caller of a request did in their workspace (the audit log). Every feature calls `audit(c, …)`.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { type AuditEntry, recordAudit } from "./audit.repo";

/** The request's actor, as an audit entry names them. */
export function actorOf(c: Context<AppEnv>): AuditEntry["actor"] {
  const s = c.var.session;
  return s ? { id: s.userId, email: s.email, via: s.via } : null;
}

/** Appends an entry for the caller's current workspace (or `workspaceId` when the action concerns another one). */
export async function audit(c: Context<AppEnv>, action: string, target?: string | null, data?: unknown, workspaceId?: string) {
  const ws = workspaceId ?? c.var.session?.workspaceId;
  if (!ws) return;
  await recordAudit(c.var.db, { workspaceId: ws, at: c.var.now, actor: actorOf(c), action, target, data });
}
