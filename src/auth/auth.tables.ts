// Users, workspaces and their members, and sessions (D1; migrations/*.sql are the source of truth).
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES } from "./roles";

const ms = (name: string) => integer(name);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: ms("created_at").notNull(),
});

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  requireApproval: integer("require_approval", { mode: "boolean" }).notNull().default(false),
  createdAt: ms("created_at").notNull(),
});

export const workspaceMembers = sqliteTable(
  "workspace_members",
  {
    workspaceId: text("workspace_id").notNull(),
    userId: text("user_id").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

export const sessions = sqliteTable("sessions", {
  tokenHash: text("token_hash").primaryKey(),
  /** Public name of the session (the session list), unrelated to its token. */
  id: text("id").notNull(),
  userId: text("user_id").notNull(),
  /** The workspace this session is working in (switchable). */
  workspaceId: text("workspace_id").notNull(),
  /** Absolute end of the session. */
  expiresAt: ms("expires_at").notNull(),
  /** Drives the idle timeout (touched at most every few minutes). */
  lastSeenAt: ms("last_seen_at").notNull(),
  userAgent: text("user_agent"),
  createdAt: ms("created_at").notNull(),
});
