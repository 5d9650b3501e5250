// Small facts the scheduler keeps (the last tick).
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const ms = (name: string) => integer(name);

export const appState = sqliteTable("app_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: ms("updated_at").notNull(),
});
