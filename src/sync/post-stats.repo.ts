// The post side of the sync in D1: which published posts are tracked and when each is next read (post_stats), the
// readings (post_metric_points), and the posts a run reads or reconciles. Reads of the account's posts go through
// posts_account_scheduled; post_stats_account_window serves "readings due".
import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { postMetricPoints, postStats, posts } from "../db/schema";
import { firstReading, type Reading, type SyncConfig } from "./sync-schedule";

/** Posts TikTok shows on the profile: public Direct Posts, and any post whose public id we know. */
const trackable = or(eq(posts.privacyLevel, "PUBLIC_TO_EVERYONE"), isNotNull(posts.tiktokPostId));
/** Late policies are at most a week, so a post published in the horizon was scheduled at most this much before it. */
const LATEST_START_MS = 7 * 24 * 3600 * 1000;
// D1 binds at most 100 parameters per statement; drizzle binds every one of post_stats' 12 columns per row.
const ROWS_PER_INSERT = 8;
/**
 * `status = 'published'` written so SQLite cannot use it for an index (unary +): without statistics it would otherwise
 * pick posts_status_scheduled and read every published post of every account, not this account's few (benchmark 8).
 */
const published = sql`+${posts.status} = 'published'`;

/** A published post always has its time: only drafts (issue 13) have none, and a draft is never published. */
const scheduledAt = sql<number>`${posts.scheduledAt}`;

type Published = { id: string; completedAt: number | null; scheduledAt: number };
const publishedAt = (p: Published) => p.completedAt ?? p.scheduledAt;

function trackRows(rows: Published[], accountId: string, now: number, config: SyncConfig) {
  return rows.map((p) => {
    const reading: Reading | null = firstReading(publishedAt(p), config);
    // A reading whose time passed is taken at the next run (now); past the horizon, the post is tracked as done.
    const late = reading && reading.dueAt < now ? { dueAt: now, windowAt: now } : reading;
    return { postId: p.id, accountId, dueAt: late?.dueAt ?? null, windowAt: late?.windowAt ?? null };
  });
}

async function insertTracked(db: Database, rows: ReturnType<typeof trackRows>) {
  const statements = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    statements.push(
      db
        .insert(postStats)
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .onConflictDoNothing(),
    );
  }
  if (statements.length > 0) await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  return rows;
}

/** Starts tracking these posts if they are published and public: their first reading is 1 h after publish. */
export async function trackPublished(db: Database, accountId: string, postIds: string[], now: number, config: SyncConfig) {
  if (postIds.length === 0) return [];
  const rows = await db
    .select({ id: posts.id, completedAt: posts.completedAt, scheduledAt })
    .from(posts)
    .where(and(inArray(posts.id, postIds.slice(0, 90)), eq(posts.accountId, accountId), published, trackable));
  return insertTracked(db, trackRows(rows, accountId, now, config));
}

/** Published public posts of the account in the horizon that are not tracked yet (published elsewhere, or before). */
export async function trackUntracked(db: Database, accountId: string, now: number, config: SyncConfig) {
  const rows = await db
    .select({ id: posts.id, completedAt: posts.completedAt, scheduledAt })
    .from(posts)
    .leftJoin(postStats, eq(postStats.postId, posts.id))
    .where(
      and(
        eq(posts.accountId, accountId),
        gt(posts.scheduledAt, now - config.horizonMs - LATEST_START_MS),
        published,
        isNull(postStats.postId),
        trackable,
      ),
    );
  return insertTracked(db, trackRows(rows, accountId, now, config));
}

export type DueReading = {
  postId: string;
  tiktokPostId: string | null;
  publishedAt: number;
  coverKey: string | null;
  workspaceId: string;
};

/**
 * Up to `limit` tracked posts to read now, in post id order after `afterPost`: those whose window opened, or (full
 * sync) every post still on its schedule.
 */
export async function dueReadings(db: Database, accountId: string, now: number, full: boolean, afterPost: string | null, limit: number) {
  const rows = await db
    .select({
      postId: postStats.postId,
      tiktokPostId: posts.tiktokPostId,
      completedAt: posts.completedAt,
      scheduledAt,
      coverKey: postStats.coverKey,
      workspaceId: posts.workspaceId,
    })
    .from(postStats)
    .innerJoin(posts, eq(posts.id, postStats.postId))
    .where(
      and(
        eq(postStats.accountId, accountId),
        full ? isNotNull(postStats.dueAt) : lte(postStats.windowAt, now),
        afterPost ? gt(postStats.postId, afterPost) : undefined,
      ),
    )
    .orderBy(postStats.postId)
    .limit(limit);
  return rows.map(
    (r): DueReading => ({
      postId: r.postId,
      tiktokPostId: r.tiktokPostId,
      publishedAt: publishedAt({ id: r.postId, ...r }),
      coverKey: r.coverKey,
      workspaceId: r.workspaceId,
    }),
  );
}

export type Counts = { views: number; likes: number; comments: number; shares: number };
export type ReadingOutcome = { postId: string; counts: Counts | null; next: Reading | null; coverKey?: string };

/** One batch: a point and the latest counts for each post TikTok answered for, a miss for the others; next times. */
export async function saveReadings(db: Database, outcomes: ReadingOutcome[], now: number) {
  const statements = outcomes.flatMap((o) => {
    const next = { dueAt: o.next?.dueAt ?? null, windowAt: o.next?.windowAt ?? null };
    const where = eq(postStats.postId, o.postId);
    if (!o.counts)
      return [
        db
          .update(postStats)
          .set({ ...next, misses: sql`${postStats.misses} + 1` })
          .where(where),
      ];
    const cover = o.coverKey ? { coverKey: o.coverKey } : {};
    return [
      db
        .insert(postMetricPoints)
        .values({ postId: o.postId, at: now, ...o.counts })
        .onConflictDoNothing(),
      db
        .update(postStats)
        .set({ ...o.counts, ...next, ...cover, syncedAt: now, readings: sql`${postStats.readings} + 1` })
        .where(where),
    ];
  });
  if (statements.length > 0) await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
}

/** Tracked posts without a TikTok id whose reading is due (or all, full sync): the ones to reconcile. */
export async function reconcileCandidates(db: Database, accountId: string, now: number, full: boolean) {
  return db
    .select({ id: posts.id, caption: posts.caption, initAt: posts.initAt, completedAt: posts.completedAt, scheduledAt })
    .from(postStats)
    .innerJoin(posts, eq(posts.id, postStats.postId))
    .where(
      and(
        eq(postStats.accountId, accountId),
        isNull(posts.tiktokPostId),
        published,
        full ? isNotNull(postStats.dueAt) : lte(postStats.windowAt, now),
      ),
    )
    .limit(50);
}
export type ReconcileCandidate = Awaited<ReturnType<typeof reconcileCandidates>>[number];

/** Which of these TikTok ids already belong to a post of the account (never give one id to two posts). */
export async function assignedIds(db: Database, accountId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: posts.tiktokPostId })
    .from(posts)
    .where(and(eq(posts.accountId, accountId), inArray(posts.tiktokPostId, ids.slice(0, 90))));
  return new Set(rows.map((r) => r.id!));
}
