// Each account's posting schedule (queue slots), migration 0003.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const queueSchedules = sqliteTable("queue_schedules", {
  accountId: text("account_id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  timezone: text("timezone").notNull(),
  /** JSON [{day, time}], read through QueueSlots (slots.schemas.ts). */
  slots: text("slots").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
