// Outgoing webhook endpoints and their delivery log (D1; migrations/0008_integrations.sql is the source of truth).
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  url: text("url").notNull(),
  /** JSON array of event types. */
  events: text("events").notNull(),
  secret: text("secret").notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export const webhookDeliveries = sqliteTable("webhook_deliveries", {
  id: text("id").primaryKey(),
  endpointId: text("endpoint_id").notNull(),
  eventId: text("event_id").notNull(),
  kind: text("kind", { enum: ["event", "redelivery", "test"] }).notNull(),
  status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull(),
  attempts: integer("attempts").notNull().default(0),
  leaseUntil: integer("lease_until"),
  nextAttemptAt: integer("next_attempt_at"),
  lastAttemptAt: integer("last_attempt_at"),
  responseStatus: integer("response_status"),
  responseExcerpt: text("response_excerpt"),
  error: text("error"),
  createdAt: integer("created_at").notNull(),
});
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
