// Posts and their events in D1.
import { and, asc, desc, eq, gt, inArray, lte, ne, notInArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { postEvents, posts, tiktokAccounts } from "../db/schema";
import { iso } from "../shared/http";

export async function findPost(db: Database, workspaceId: string, postId: string) {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

export async function listPosts(db: Database, workspaceId: string) {
  return db
    .select({ post: posts, username: tiktokAccounts.username })
    .from(posts)
    .leftJoin(tiktokAccounts, eq(tiktokAccounts.id, posts.accountId))
    .where(eq(posts.workspaceId, workspaceId))
    .orderBy(desc(posts.scheduledAt))
    .limit(500);
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

/** Direct posts of an account that will count toward TikTok's rolling 24 h cap around `at`. */
export async function directPostsInDay(db: Database, accountId: string, at: number, excludePostId?: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(posts)
    .where(
      and(
        eq(posts.accountId, accountId),
        eq(posts.mode, "direct"),
        notInArray(posts.status, ["cancelled", "failed", "missed"]),
        gt(posts.scheduledAt, at - DAY_MS),
        lte(posts.scheduledAt, at),
        excludePostId ? ne(posts.id, excludePostId) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export const EDITABLE_STATUSES = ["scheduled", "queued", "missed", "failed"] as const;
export const CANCELLABLE_STATUSES = ["scheduled", "queued", "missed"] as const;
export { inArray };
