// What the publisher writes to D1: each transition is conditional on the claim it holds, so an edit,
// a cancel or a webhook that got there first is never overwritten.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { posts, videos, type PostRow, type PostStatus } from "../db/schema";
import { recordEvent } from "../posts/post-events";

export type PostWithVideo = { post: PostRow; video: typeof videos.$inferSelect };

export async function loadPost(db: Database, postId: string): Promise<PostWithVideo | null> {
  const [row] = await db.select({ post: posts, video: videos }).from(posts).innerJoin(videos, eq(videos.id, posts.videoId)).where(eq(posts.id, postId)).limit(1);
  return row ?? null;
}

/** queued → publishing, only if the claim still holds (no edit or cancel since it was claimed). */
export async function startPublishing(db: Database, postId: string, claimToken: string, now: number) {
  const [row] = await db
    .update(posts)
    .set({ status: "publishing", updatedAt: now })
    .where(and(eq(posts.id, postId), eq(posts.claimToken, claimToken), eq(posts.status, "queued")))
    .returning({ id: posts.id });
  return row !== undefined;
}

export async function recordInit(
  db: Database,
  postId: string,
  fields: { publishId: string; initAt: number; mediaSource: string; logId: string | null; message: string },
) {
  await db
    .update(posts)
    .set({ publishId: fields.publishId, initAt: fields.initAt, mediaSource: fields.mediaSource, updatedAt: fields.initAt })
    .where(eq(posts.id, postId));
  await recordEvent(db, {
    postId,
    at: fields.initAt,
    type: "init_accepted",
    message: fields.message,
    logId: fields.logId,
    data: { publishId: fields.publishId, source: fields.mediaSource },
  });
}

export async function recordUploaded(db: Database, postId: string, now: number, chunks: number) {
  await db.update(posts).set({ uploadedAt: now, updatedAt: now }).where(eq(posts.id, postId));
  await recordEvent(db, { postId, at: now, type: "uploaded", message: `Video uploaded to TikTok in ${chunks} chunk(s); TikTok is processing it` });
}

type Outcome = {
  status: Extract<PostStatus, "published" | "sent_to_inbox" | "failed" | "unconfirmed">;
  tiktokPostId?: string | null;
  errorCode?: string;
  errorMessage?: string;
  eventType: string;
  eventMessage: string;
  logId?: string | null;
};

/** Ends a publish. Only a post still `publishing` under this claim changes (a webhook may have been first). */
export async function finishPost(db: Database, postId: string, claimToken: string, outcome: Outcome, now: number) {
  const [row] = await db
    .update(posts)
    .set({
      status: outcome.status,
      tiktokPostId: outcome.tiktokPostId ?? null,
      lastErrorCode: outcome.errorCode ?? null,
      lastErrorMessage: outcome.errorMessage ?? null,
      completedAt: outcome.status === "published" || outcome.status === "sent_to_inbox" ? now : null,
      updatedAt: now,
    })
    .where(and(eq(posts.id, postId), eq(posts.claimToken, claimToken), inArray(posts.status, ["publishing", "queued"])))
    .returning({ id: posts.id });
  if (row) await recordEvent(db, { postId, at: now, type: outcome.eventType, message: outcome.eventMessage, logId: outcome.logId });
  return row !== undefined;
}

/** The public post id often arrives after PUBLISH_COMPLETE (moderation); record it when it does. */
export async function recordPostId(db: Database, postId: string, tiktokPostId: string, now: number) {
  const [row] = await db
    .update(posts)
    .set({ tiktokPostId, updatedAt: now })
    .where(and(eq(posts.id, postId), eq(posts.status, "published")))
    .returning({ id: posts.id });
  if (row) await recordEvent(db, { postId, at: now, type: "post_id", message: `TikTok post id ${tiktokPostId}` });
}
