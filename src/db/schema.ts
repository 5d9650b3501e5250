// Drizzle table definitions mirroring migrations/*.sql (the SQL files are the source of truth).
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ACCOUNT_STATUSES } from "../accounts/account-status";
import { POST_MODES, POST_STATUSES } from "../posts/post-status";
import { VIDEO_STATUSES } from "../videos/video-rules";

const ms = (name: string) => integer(name);
const flag = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: ms("created_at").notNull(),
});

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: ms("created_at").notNull(),
});

export const workspaceMembers = sqliteTable(
  "workspace_members",
  {
    workspaceId: text("workspace_id").notNull(),
    userId: text("user_id").notNull(),
    role: text("role", { enum: ["owner", "admin", "editor", "viewer"] }).notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

export const sessions = sqliteTable("sessions", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id").notNull(),
  workspaceId: text("workspace_id").notNull(),
  expiresAt: ms("expires_at").notNull(),
  createdAt: ms("created_at").notNull(),
});

export const oauthStates = sqliteTable("oauth_states", {
  stateHash: text("state_hash").primaryKey(),
  userId: text("user_id").notNull(),
  workspaceId: text("workspace_id").notNull(),
  expiresAt: ms("expires_at").notNull(),
});

export const tiktokAccounts = sqliteTable("tiktok_accounts", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  openId: text("open_id").notNull(),
  displayName: text("display_name").notNull(),
  username: text("username"),
  avatarUrl: text("avatar_url"),
  scopes: text("scopes").notNull(),
  accessTokenEnc: text("access_token_enc").notNull(),
  refreshTokenEnc: text("refresh_token_enc").notNull(),
  accessExpiresAt: ms("access_expires_at").notNull(),
  refreshExpiresAt: ms("refresh_expires_at").notNull(),
  tokenVersion: integer("token_version").notNull().default(1),
  status: text("status", { enum: ACCOUNT_STATUSES }).notNull().default("active"),
  statusReason: text("status_reason"),
  connectedAt: ms("connected_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const videos = sqliteTable("videos", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  r2Key: text("r2_key").notNull(),
  filename: text("filename").notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  partSize: integer("part_size").notNull(),
  partCount: integer("part_count").notNull(),
  uploadId: text("upload_id"),
  status: text("status", { enum: VIDEO_STATUSES }).notNull(),
  createdBy: text("created_by"),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const videoParts = sqliteTable(
  "video_parts",
  {
    videoId: text("video_id").notNull(),
    partNumber: integer("part_number").notNull(),
    etag: text("etag").notNull(),
    size: integer("size").notNull(),
  },
  (t) => [primaryKey({ columns: [t.videoId, t.partNumber] })],
);

export { POST_MODES, POST_STATUSES, type PostMode, type PostStatus } from "../posts/post-status";

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
  scheduledAt: ms("scheduled_at").notNull(),
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
  createdBy: text("created_by"),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});
export type PostRow = typeof posts.$inferSelect;

export const postEvents = sqliteTable("post_events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  postId: text("post_id").notNull(),
  at: ms("at").notNull(),
  type: text("type").notNull(),
  message: text("message").notNull(),
  logId: text("log_id"),
  data: text("data"),
});

export const appState = sqliteTable("app_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const webhookReceipts = sqliteTable("webhook_receipts", {
  bodyHash: text("body_hash").primaryKey(),
  event: text("event").notNull(),
  receivedAt: ms("received_at").notNull(),
});
