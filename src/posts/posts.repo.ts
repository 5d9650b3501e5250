// Posts and their events in D1.
import { and, asc, desc, eq, gt, gte, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { postEvents, posts, tiktokAccounts, videos, workspaces } from "../db/schema";
import { iso } from "../shared/http";
import type { PostStatus } from "./post-status";

export async function findPost(db: Database, workspaceId: string, postId: string) {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

/** A post with its video, by id alone (the publisher and pre-flight, which act for the system, not a person). */
export async function loadPostWithVideo(db: Database, postId: string) {
  const [row] = await db
    .select({ post: posts, video: videos })
    .from(posts)
    .innerJoin(videos, eq(videos.id, posts.videoId))
    .where(eq(posts.id, postId))
    .limit(1);
  return row ?? null;
}
export type PostWithVideo = NonNullable<Awaited<ReturnType<typeof loadPostWithVideo>>>;

export type PostFilters = {
  statuses?: PostStatus[];
  accountId?: string;
  from?: number;
  to?: number;
  search?: string;
  order?: "asc" | "desc";
  limit?: number;
};

/** `%`, `_` and `\` in a search are literal characters, not LIKE wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listPosts(db: Database, workspaceId: string, f: PostFilters = {}) {
  const byTime = f.order === "asc" ? asc(posts.scheduledAt) : desc(posts.scheduledAt);
  return (
    db
      .select({ post: posts, username: tiktokAccounts.username })
      .from(posts)
      .leftJoin(tiktokAccounts, eq(tiktokAccounts.id, posts.accountId))
      .where(
        and(
          eq(posts.workspaceId, workspaceId),
          f.statuses ? inArray(posts.status, f.statuses) : undefined,
          f.accountId ? eq(posts.accountId, f.accountId) : undefined,
          f.from !== undefined ? gte(posts.scheduledAt, f.from) : undefined,
          f.to !== undefined ? lt(posts.scheduledAt, f.to) : undefined,
          f.search ? sql`${posts.caption} LIKE ${likePattern(f.search)} ESCAPE '\\'` : undefined,
        ),
      )
      // Drafts (no time) after the posts with one, latest edit first.
      .orderBy(sql`${posts.scheduledAt} IS NULL`, byTime, desc(posts.updatedAt), asc(posts.id))
      .limit(f.limit ?? 500)
  );
}

/** Which of these ids (a bulk move's, up to 100) are posts of the workspace. */
export async function workspacePostIds(db: Database, workspaceId: string, ids: string[]) {
  // One JSON parameter, not one per id: D1 binds at most 100 parameters per statement.
  const listed = sql`${posts.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const rows = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), listed));
  return rows.map((r) => r.id);
}

export async function listEvents(db: Database, postId: string) {
  const rows = await db.select().from(postEvents).where(eq(postEvents.postId, postId)).orderBy(asc(postEvents.id));
  return rows.map((e) => ({
    id: e.id,
    at: iso(e.at)!,
    type: e.type,
    message: e.message,
    logId: e.logId,
    data: e.data ? (JSON.parse(e.data) as unknown) : null,
  }));
}

const DAY_MS = 24 * 3600 * 1000;

/** Times of an account's direct posts within a day either side of `at` that will count toward TikTok's cap. */
export async function directPostTimesAround(db: Database, accountId: string, at: number, excludePostId?: string) {
  const near = await directPostTimesBetween(db, accountId, at - DAY_MS, at + DAY_MS);
  return near.filter((p) => p.id !== excludePostId).map((p) => p.at);
}

/** An account's direct posts counting toward the cap with a time in (from, to): one query for a whole CSV file. */
export async function directPostTimesBetween(db: Database, accountId: string, from: number, to: number) {
  const rows = await db
    .select({ id: posts.id, at: posts.scheduledAt })
    .from(posts)
    .where(
      and(
        eq(posts.accountId, accountId),
        eq(posts.mode, "direct"),
        // Failed, missed and cancelled posts never reached TikTok: they do not count.
        notInArray(posts.status, ["cancelled", "failed", "missed"]),
        gt(posts.scheduledAt, from),
        lt(posts.scheduledAt, to),
      ),
    );
  return rows.flatMap((r) => (r.at === null ? [] : [{ id: r.id, at: r.at }]));
}

/** Posts of the workspace by id, in the order asked (90 ids a query: D1 binds at most 100 values). */
export async function findPosts(db: Database, workspaceId: string, ids: string[]) {
  const found = new Map<string, typeof posts.$inferSelect>();
  for (let i = 0; i < ids.length; i += 90) {
    const chunk = ids.slice(i, i + 90);
    for (const row of await db
      .select()
      .from(posts)
      .where(and(eq(posts.workspaceId, workspaceId), inArray(posts.id, chunk)))) {
      found.set(row.id, row);
    }
  }
  return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
}

/** The most other posts found in any 24 h window that contains `at` (TikTok's cap is rolling). */
export function busiestDayAround(times: number[], at: number) {
  let busiest = 0;
  // The busiest window starts at `at`, at another post, or ends right after another post.
  const starts = [at - DAY_MS + 1, at, ...times, ...times.map((t) => t - DAY_MS + 1)];
  for (const start of starts) {
    if (start > at || start + DAY_MS <= at) continue;
    const count = times.filter((t) => t >= start && t < start + DAY_MS).length;
    busiest = Math.max(busiest, count);
  }
  return busiest;
}

/** Direct posts and pending inbox drafts of an account in the 24 h before `at` (TikTok's daily caps). */
export async function countsInDayBefore(db: Database, accountId: string, at: number) {
  const [row] = await db
    .select({
      direct: sql<number>`sum(CASE WHEN ${posts.mode} = 'direct' AND ${posts.status} IN ('published', 'publishing', 'scheduled', 'queued') THEN 1 ELSE 0 END)`,
      inbox: sql<number>`sum(CASE WHEN ${posts.status} = 'sent_to_inbox' THEN 1 ELSE 0 END)`,
    })
    .from(posts)
    .where(
      and(
        eq(posts.accountId, accountId),
        gt(posts.scheduledAt, at - DAY_MS),
        lt(posts.scheduledAt, at),
        inArray(posts.status, ["published", "publishing", "scheduled", "queued", "sent_to_inbox"]),
      ),
    );
  return { direct: row?.direct ?? 0, inbox: row?.inbox ?? 0 };
}

/** Does the workspace want an admin's approval before an editor's post can go out? */
export async function workspaceRequiresApproval(db: Database, workspaceId: string) {
  const [row] = await db.select({ on: workspaces.requireApproval }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return row?.on ?? false;
}
