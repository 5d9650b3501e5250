// Connected TikTok accounts (tokens encrypted at rest) and the connect flow's OAuth states.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { SYNC_STATUSES } from "../sync/sync-status";
import { ACCOUNT_STATUSES } from "./account-status";

const ms = (name: string) => integer(name);

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
  // Filled by the account sync (migration 0005, src/sync/).
  bioDescription: text("bio_description"),
  isVerified: integer("is_verified", { mode: "boolean" }).notNull().default(false),
  profileDeepLink: text("profile_deep_link"),
  avatarKey: text("avatar_key"),
  avatarSource: text("avatar_source"),
  followerCount: integer("follower_count"),
  followingCount: integer("following_count"),
  likesCount: integer("likes_count"),
  videoCount: integer("video_count"),
  statsSyncedAt: ms("stats_synced_at"),
  creatorInfo: text("creator_info"),
  creatorInfoAt: ms("creator_info_at"),
  nextSyncAt: ms("next_sync_at"),
  profileDueAt: ms("profile_due_at"),
  lastSyncAt: ms("last_sync_at"),
  syncStatus: text("sync_status", { enum: SYNC_STATUSES }).notNull().default("pending"),
  syncError: text("sync_error"),
  syncRequestedAt: ms("sync_requested_at"),
});
