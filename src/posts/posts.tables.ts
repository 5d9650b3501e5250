// Posts and their timelines. Only post-transitions.ts writes `posts`.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { POST_MODES, POST_STATUSES } from "./post-status";

const ms = (name: string) => integer(name);
const flag = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);

export const posts = sqliteTable("posts", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  accountId: text("account_id").notNull(),
  videoId: text("video_id").notNull(),
  caption: text("caption").notNull().default(""),
  privacyLevel: text("privacy_level"),
  mode: text("mode", { enum: POST_MODES }).notNull(),
  disableComment: flag("disable_comment"),
  disableDuet: flag("disable_duet"),
  disableStitch: flag("disable_stitch"),
  brandContent: flag("brand_content"),
  brandOrganic: flag("brand_organic"),
  isAigc: flag("is_aigc"),
  /** NULL only for a draft (migration 0002's CHECK): the claim, tick and publisher only ever read non-draft posts. */
  scheduledAt: ms("scheduled_at"),
  timezone: text("timezone").notNull(),
  latePolicyMinutes: integer("late_policy_minutes").notNull().default(360),
  status: text("status", { enum: POST_STATUSES }).notNull(),
  version: integer("version").notNull().default(1),
  claimToken: text("claim_token"),
  claimedAt: ms("claimed_at"),
  publishId: text("publish_id"),
  tiktokPostId: text("tiktok_post_id"),
  mediaSource: text("media_source"),
  lastErrorCode: text("last_error_code"),
  lastErrorMessage: text("last_error_message"),
  warning: text("warning"),
  initAt: ms("init_at"),
  uploadedAt: ms("uploaded_at"),
  completedAt: ms("completed_at"),
  /** post_info.video_cover_timestamp_ms; null = TikTok's default (the first frame). */
  coverTimestampMs: integer("cover_timestamp_ms"),
  createdBy: text("created_by"),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const postEvents = sqliteTable("post_events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  postId: text("post_id").notNull(),
  at: ms("at").notNull(),
  type: text("type").notNull(),
  message: text("message").notNull(),
  logId: text("log_id"),
  data: text("data"),
});
export type PostRow = typeof posts.$inferSelect;
