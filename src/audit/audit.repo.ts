// Audit entries in D1: appended by the features as things happen, read newest first by admins.
import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "../db/client";
import { auditEvents } from "../db/schema";
import { iso } from "../shared/http";

export type AuditEntry = {
  workspaceId: string;
  at: number;
  actor: { id: string; email: string; via: "session" | "token" } | null;
  action: string;
  target?: string | null;
  data?: unknown;
};

export function auditRow(e: AuditEntry) {
  return {
    workspaceId: e.workspaceId,
    at: e.at,
    actorId: e.actor?.id ?? null,
    actorEmail: e.actor?.email ?? null,
    via: e.actor?.via ?? ("system" as const),
    action: e.action,
    target: e.target ?? null,
    data: e.data === undefined ? null : JSON.stringify(e.data),
  };
}

/** The insert statement for an entry (to batch with the change it records). */
export const auditInsert = (db: Database, e: AuditEntry) => db.insert(auditEvents).values(auditRow(e));

export async function recordAudit(db: Database, e: AuditEntry) {
  await auditInsert(db, e);
}

export async function listAudit(db: Database, workspaceId: string, limit: number, before?: number) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), before === undefined ? undefined : lt(auditEvents.id, before)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: iso(r.at)!,
    actor: r.actorId ? { id: r.actorId, email: r.actorEmail ?? "", via: r.via } : null,
    action: r.action,
    target: r.target,
    data: r.data ? (JSON.parse(r.data) as unknown) : null,
  }));
}
