// The integration events outbox (D1; migrations/0008_integrations.sql is the source of truth).
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const integrationEvents = sqliteTable("integration_events", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  type: text("type").notNull(),
  postId: text("post_id"),
  accountId: text("account_id"),
  dedupeKey: text("dedupe_key").notNull(),
  payload: text("payload"),
  createdAt: integer("created_at").notNull(),
  dispatchedAt: integer("dispatched_at"),
  videoId: text("video_id"),
});
export type IntegrationEventRow = typeof integrationEvents.$inferSelect;
