// The sync's history in D1 (migration 0005): a daily stats row per account, and per tracked post its latest counts
// and schedule (post_stats) and every reading (post_metric_points). Account sync state lives on tiktok_accounts.
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

const ms = (name: string) => integer(name);

export const accountStatsDaily = sqliteTable(
  "account_stats_daily",
  {
    accountId: text("account_id").notNull(),
    /** UTC day, YYYY-MM-DD. */
    day: text("day").notNull(),
    followers: integer("followers"),
    following: integer("following"),
    likes: integer("likes"),
    videos: integer("videos"),
    syncedAt: ms("synced_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] })],
);

export const postStats = sqliteTable("post_stats", {
  postId: text("post_id").primaryKey(),
  accountId: text("account_id").notNull(),
  views: integer("views"),
  likes: integer("likes"),
  comments: integer("comments"),
  shares: integer("shares"),
  syncedAt: ms("synced_at"),
  readings: integer("readings").notNull().default(0),
  dueAt: ms("due_at"),
  windowAt: ms("window_at"),
  coverKey: text("cover_key"),
  misses: integer("misses").notNull().default(0),
});
export type PostStatsRow = typeof postStats.$inferSelect;

export const postMetricPoints = sqliteTable(
  "post_metric_points",
  {
    postId: text("post_id").notNull(),
    at: ms("at").notNull(),
    views: integer("views").notNull(),
    likes: integer("likes").notNull(),
    comments: integer("comments").notNull(),
    shares: integer("shares").notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.at] })],
);
