// The API's view of a post, including how close to its second it went out.
import type { PostRow, PostStatsRow } from "../db/schema";
import { iso } from "../shared/http";
import { coverUrlOf, postMetricsView } from "../sync/sync-view";

/** `stats`: the sync's latest counts of the post (post_stats), when there are any. */
export function postView(row: PostRow, account?: { username: string | null } | null, stats?: PostStatsRow | null) {
  const tiktokUrl = row.tiktokPostId && account?.username ? `https://www.tiktok.com/@${account.username}/video/${row.tiktokPostId}` : null;
  return {
    id: row.id,
    accountId: row.accountId,
    videoId: row.videoId,
    caption: row.caption,
    privacyLevel: row.privacyLevel,
    mode: row.mode,
    disableComment: row.disableComment,
    disableDuet: row.disableDuet,
    disableStitch: row.disableStitch,
    brandContent: row.brandContent,
    brandOrganic: row.brandOrganic,
    isAigc: row.isAigc,
    /** null for a draft (a post without a time yet). */
    scheduledAt: iso(row.scheduledAt),
    timezone: row.timezone,
    latePolicyMinutes: row.latePolicyMinutes,
    coverTimestampMs: row.coverTimestampMs,
    status: row.status,
    publishId: row.publishId,
    tiktokPostId: row.tiktokPostId,
    tiktokUrl,
    mediaSource: row.mediaSource,
    lastError: row.lastErrorCode ? { code: row.lastErrorCode, message: row.lastErrorMessage ?? "" } : null,
    warning: row.warning,
    timing: {
      scheduledAt: iso(row.scheduledAt),
      initAt: iso(row.initAt),
      uploadedAt: iso(row.uploadedAt),
      completedAt: iso(row.completedAt),
      startLatenessMs: row.initAt == null || row.scheduledAt == null ? null : row.initAt - row.scheduledAt,
      liveLatenessMs: row.completedAt == null || row.scheduledAt == null ? null : row.completedAt - row.scheduledAt,
    },
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    version: row.version,
    metrics: postMetricsView(stats),
    coverUrl: coverUrlOf(stats),
  };
}
export type PostView = ReturnType<typeof postView>;
