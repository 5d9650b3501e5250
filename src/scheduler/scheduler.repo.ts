// The cron tick's reads: claims whose message never reached a publisher, posts due for pre-flight, posts stuck
// publishing, and the heartbeat health reads. Status changes go through posts/post-transitions.ts.
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { appState, posts, videos } from "../db/schema";
import type { PostSnapshot } from "../publishing/messages";

export const LAST_TICK_KEY = "last_tick_at";

export type ClaimRow = { id: string; account_id: string; scheduled_at: number; claim_token: string; post?: PostSnapshot };

export async function recordTick(db: Database, now: number) {
  await db
    .insert(appState)
    .values({ key: LAST_TICK_KEY, value: String(now), updatedAt: now })
    .onConflictDoUpdate({ target: appState.key, set: { value: String(now), updatedAt: now } });
}

/** What each post claimed under `claimToken` says (for its publish message), with its video. */
export async function snapshotsOfClaim(db: Database, claimToken: string): Promise<Map<string, PostSnapshot>> {
  const rows = await db
    .select({ post: posts, video: { id: videos.id, r2Key: videos.r2Key, size: videos.size, contentType: videos.contentType } })
    .from(posts)
    .innerJoin(videos, eq(videos.id, posts.videoId))
    .where(eq(posts.claimToken, claimToken));
  return new Map(
    rows.map(({ post, video }) => [
      post.id,
      {
        mode: post.mode,
        caption: post.caption,
        privacyLevel: post.privacyLevel,
        disableComment: post.disableComment,
        disableDuet: post.disableDuet,
        disableStitch: post.disableStitch,
        brandContent: post.brandContent,
        brandOrganic: post.brandOrganic,
        isAigc: post.isAigc,
        video,
      },
    ]),
  );
}

/** Queued posts whose publisher has not started them `afterMs` after their time and their claim. */
export async function staleClaims(db: Database, now: number, afterMs: number) {
  return db.all<ClaimRow>(sql`
    SELECT id, account_id, scheduled_at, claim_token FROM posts
    WHERE status = 'queued' AND scheduled_at < ${now - afterMs} AND claimed_at < ${now - afterMs}
    ORDER BY scheduled_at LIMIT 500`);
}

/** Scheduled posts due in (from, to]. */
export async function scheduledBetween(db: Database, from: number, to: number) {
  return db.all<{ id: string; account_id: string; scheduled_at: number }>(sql`
    SELECT id, account_id, scheduled_at FROM posts
    WHERE status = 'scheduled' AND scheduled_at > ${from} AND scheduled_at <= ${to}
    LIMIT 1000`);
}

/** Posts `publishing` whose last change is older than `before`. */
export async function publishingSince(db: Database, before: number) {
  return db
    .select({ id: posts.id, accountId: posts.accountId })
    .from(posts)
    .where(and(eq(posts.status, "publishing"), lt(posts.updatedAt, before)))
    .limit(50);
}

export async function lastTickAt(db: Database) {
  const [row] = await db.select({ value: appState.value }).from(appState).where(eq(appState.key, LAST_TICK_KEY)).limit(1);
  return row ? Number(row.value) : null;
}

/** The figures behind /api/health for one workspace, in one query. */
export async function schedulerFigures(db: Database, now: number, overdueAfterMs: number, workspaceId: string) {
  const [row] = await db.all<{ last_tick: string | null; due: number; backlog: number; overdue: number }>(sql`
    SELECT
      (SELECT value FROM app_state WHERE key = ${LAST_TICK_KEY}) AS last_tick,
      (SELECT count(*) FROM posts WHERE workspace_id = ${workspaceId} AND status IN ('scheduled', 'queued')
        AND scheduled_at BETWEEN ${now} AND ${now + 3_600_000}) AS due,
      (SELECT count(*) FROM posts WHERE workspace_id = ${workspaceId} AND status = 'queued') AS backlog,
      (SELECT count(*) FROM posts WHERE workspace_id = ${workspaceId} AND status IN ('scheduled', 'queued')
        AND scheduled_at < ${now - overdueAfterMs}) AS overdue`);
  return {
    lastTick: row?.last_tick ? Number(row.last_tick) : null,
    dueNextHour: row?.due ?? 0,
    backlog: row?.backlog ?? 0,
    overdue: row?.overdue ?? 0,
  };
}
