// API tokens: shown once at creation, only their SHA-256 is stored (D1; migrations/*.sql are the source of truth).
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES } from "../auth/roles";

const ms = (name: string) => integer(name);

export const apiTokens = sqliteTable("api_tokens", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  userId: text("user_id").notNull(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull(),
  /** Caps the user's role for this token (null = the user's role). */
  roleLimit: text("role_limit", { enum: ROLES }),
  createdAt: ms("created_at").notNull(),
  lastUsedAt: ms("last_used_at"),
  revokedAt: ms("revoked_at"),
});
