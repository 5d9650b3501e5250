// The audit log: who did what in a workspace (D1; migrations/*.sql are the source of truth).
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const auditEvents = sqliteTable("audit_events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: text("workspace_id").notNull(),
  at: integer("at").notNull(),
  actorId: text("actor_id"),
  actorEmail: text("actor_email"),
  via: text("via", { enum: ["session", "token", "system"] }).notNull(),
  action: text("action").notNull(),
  target: text("target"),
  data: text("data"),
});
