// What the API reads of the sync's history: follower changes over 7 and 30 days, the daily stats series, a post's
// readings and latest counts.
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { accountStatsDaily, type PostStatsRow, postMetricPoints, postStats, posts } from "../db/schema";
import { utcDay } from "./sync.repo";
import type { FollowerChanges } from "./sync-view";

const DAY = 86_400_000;

/** Per account of the workspace: followers on the latest day at least 7 and 30 days before `now` (one query). */
export async function followerChanges(db: Database, workspaceId: string, now: number): Promise<Map<string, FollowerChanges>> {
  const before = (days: number) =>
    sql`(SELECT s.followers FROM account_stats_daily s WHERE s.account_id = a.id AND s.day <= ${utcDay(now - days * DAY)} ORDER BY s.day DESC LIMIT 1)`;
  const rows = await db.all<{ id: string; f7: number | null; f30: number | null }>(
    sql`SELECT a.id AS id, ${before(7)} AS f7, ${before(30)} AS f30 FROM tiktok_accounts a WHERE a.workspace_id = ${workspaceId}`,
  );
  return new Map(rows.map((r) => [r.id, { followers7dAgo: r.f7, followers30dAgo: r.f30 }]));
}

export async function statsSeries(db: Database, accountId: string, from: string, to: string) {
  const rows = await db
    .select()
    .from(accountStatsDaily)
    .where(and(eq(accountStatsDaily.accountId, accountId), gte(accountStatsDaily.day, from), lte(accountStatsDaily.day, to)))
    .orderBy(asc(accountStatsDaily.day));
  return rows.map((r) => ({
    date: r.day,
    followers: r.followers ?? 0,
    following: r.following ?? 0,
    likes: r.likes ?? 0,
    videos: r.videos ?? 0,
  }));
}

export async function metricPoints(db: Database, postId: string) {
  return db
    .select({
      at: postMetricPoints.at,
      views: postMetricPoints.views,
      likes: postMetricPoints.likes,
      comments: postMetricPoints.comments,
      shares: postMetricPoints.shares,
    })
    .from(postMetricPoints)
    .where(eq(postMetricPoints.postId, postId))
    .orderBy(asc(postMetricPoints.at));
}

export async function postStatsOf(db: Database, postId: string): Promise<PostStatsRow | null> {
  const [row] = await db.select().from(postStats).where(eq(postStats.postId, postId)).limit(1);
  return row ?? null;
}

/** Latest counts of every tracked post of the workspace (for the posts list). */
export async function workspacePostStats(db: Database, workspaceId: string): Promise<Map<string, PostStatsRow>> {
  const rows = await db
    .select({ stats: postStats })
    .from(postStats)
    .innerJoin(posts, eq(posts.id, postStats.postId))
    .where(eq(posts.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.stats.postId, r.stats]));
}
