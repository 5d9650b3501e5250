// How the API shows what the sync keeps: an account's profile, stats and sync state, a post's latest counts. Images
// are served from our own routes once copied (TikTok's URLs expire); before the first sync, TikTok's fresh URL.
import type { AccountRow } from "../accounts/accounts.repo";
import type { PostStatsRow } from "../db/schema";
import { iso } from "../shared/http";
import { SYNC_SCOPES } from "./sync-status";

/** Followers gained since the latest daily row at least 7 (30) days old. */
export type FollowerChanges = { followers7dAgo: number | null; followers30dAgo: number | null };

const version = (key: string) => key.split("/").at(-1)!;

export function avatarUrlOf(row: AccountRow): string | null {
  return row.avatarKey ? `/api/accounts/${row.id}/avatar?v=${version(row.avatarKey)}` : row.avatarUrl;
}

export function profileView(row: AccountRow) {
  return {
    displayName: row.displayName,
    username: row.username,
    avatarUrl: avatarUrlOf(row),
    bioDescription: row.bioDescription,
    isVerified: row.isVerified,
    profileDeepLink: row.profileDeepLink,
  };
}

const change = (now: number | null, then: number | null | undefined) => (now == null || then == null ? null : now - then);

export function statsView(row: AccountRow, changes?: FollowerChanges) {
  if (row.statsSyncedAt == null || row.followerCount == null) return null;
  return {
    followers: row.followerCount,
    following: row.followingCount ?? 0,
    likes: row.likesCount ?? 0,
    videos: row.videoCount ?? 0,
    syncedAt: iso(row.statsSyncedAt)!,
    followersChange7d: change(row.followerCount, changes?.followers7dAgo),
    followersChange30d: change(row.followerCount, changes?.followers30dAgo),
  };
}

export function syncStateView(row: AccountRow) {
  const scopes = row.scopes.split(",");
  return {
    lastAt: iso(row.lastSyncAt),
    nextAt: row.status === "active" ? iso(row.nextSyncAt) : null,
    status: row.status === "active" ? row.syncStatus : "needs_reconnect",
    error: row.status === "active" ? row.syncError : (row.statusReason ?? row.syncError),
    missingScopes: SYNC_SCOPES.filter((s) => !scopes.includes(s)),
    connectionExpiresAt: iso(row.refreshExpiresAt)!,
  };
}

export function postMetricsView(stats: PostStatsRow | null | undefined) {
  if (!stats || stats.syncedAt == null) return null;
  return {
    views: stats.views ?? 0,
    likes: stats.likes ?? 0,
    comments: stats.comments ?? 0,
    shares: stats.shares ?? 0,
    syncedAt: iso(stats.syncedAt)!,
  };
}

export const coverUrlOf = (stats: PostStatsRow | null | undefined) => (stats?.coverKey ? `/api/posts/${stats.postId}/cover` : null);
