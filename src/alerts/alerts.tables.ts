// Alerts in D1: preferences, Slack/Discord channels, in-app notifications, outside deliveries, the dev email outbox.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const alertPreferences = sqliteTable("alert_preferences", {
  workspaceId: text("workspace_id").notNull(),
  userId: text("user_id").notNull(),
  prefs: text("prefs").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const alertChannels = sqliteTable("alert_channels", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  kind: text("kind", { enum: ["slack", "discord"] }).notNull(),
  url: text("url").notNull(),
  alerts: text("alerts").notNull(),
  createdAt: integer("created_at").notNull(),
});
export type AlertChannelRow = typeof alertChannels.$inferSelect;

export const notifications = sqliteTable("notifications", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  userId: text("user_id").notNull(),
  eventId: text("event_id").notNull(),
  alert: text("alert").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  link: text("link"),
  createdAt: integer("created_at").notNull(),
  readAt: integer("read_at"),
});
export type NotificationRow = typeof notifications.$inferSelect;

export const alertDeliveries = sqliteTable("alert_deliveries", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  eventId: text("event_id").notNull(),
  channel: text("channel", { enum: ["email", "slack", "discord"] }).notNull(),
  target: text("target").notNull(),
  idempotencyKey: text("idempotency_key").notNull(),
  status: text("status", { enum: ["pending", "sent", "failed"] }).notNull(),
  attempts: integer("attempts").notNull().default(0),
  leaseUntil: integer("lease_until"),
  nextAttemptAt: integer("next_attempt_at"),
  lastError: text("last_error"),
  createdAt: integer("created_at").notNull(),
  sentAt: integer("sent_at"),
});
export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;

export const emailOutbox = sqliteTable("email_outbox", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id"),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  idempotencyKey: text("idempotency_key").notNull(),
  createdAt: integer("created_at").notNull(),
});
