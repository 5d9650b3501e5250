// Recent operational figures (metrics.ts); the long history lives in Workers Analytics Engine.
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const metricPoints = sqliteTable("metric_points", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  at: integer("at").notNull(),
  name: text("name").notNull(),
  value: real("value").notNull(),
  label: text("label"),
  accountId: text("account_id"),
  postId: text("post_id"),
});
