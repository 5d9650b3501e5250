// Invites to a workspace: single use, short lived, only their hash is stored (D1; migrations/*.sql are the source of truth).
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const ms = (name: string) => integer(name);

export const invites = sqliteTable("invites", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  /** When set, only a user with this email may accept. */
  email: text("email"),
  role: text("role", { enum: ["admin", "editor", "viewer"] }).notNull(),
  tokenHash: text("token_hash").notNull(),
  createdBy: text("created_by"),
  createdAt: ms("created_at").notNull(),
  expiresAt: ms("expires_at").notNull(),
  acceptedAt: ms("accepted_at"),
  acceptedBy: text("accepted_by"),
  revokedAt: ms("revoked_at"),
});
