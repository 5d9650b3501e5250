// Receipts of TikTok webhooks already applied.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const ms = (name: string) => integer(name);

export const webhookReceipts = sqliteTable("webhook_receipts", {
  bodyHash: text("body_hash").primaryKey(),
  event: text("event").notNull(),
  receivedAt: ms("received_at").notNull(),
});
