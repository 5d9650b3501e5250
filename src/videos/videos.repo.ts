// Videos, their probe verdicts and the parts of unfinished uploads in D1.
import { and, desc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { posts, videoParts, videos } from "../db/schema";
import { videoOutbox } from "../events/outbox";
import { FINAL_STATUSES } from "../posts/post-status";

export type VideoRow = typeof videos.$inferSelect;
export type VideoWithUse = VideoRow & { postCount: number };

// Spelled out: inside a subquery drizzle would leave the columns unqualified, and `id` would mean the post's.
const postCount = sql<number>`(SELECT count(*) FROM posts AS p WHERE p.video_id = videos.id)`.mapWith(Number);

/** A workspace's video, unless deleted. */
export async function findVideo(db: Database, workspaceId: string, videoId: string): Promise<VideoWithUse | null> {
  const [row] = await db
    .select({ video: videos, postCount })
    .from(videos)
    .where(and(eq(videos.id, videoId), eq(videos.workspaceId, workspaceId), isNull(videos.deletedAt)))
    .limit(1);
  return row ? { ...row.video, postCount: row.postCount } : null;
}

/** A video by id alone (the probe consumer, TikTok's signed PULL_FROM_URL fetch: no session). */
export async function findVideoById(db: Database, videoId: string) {
  const [row] = await db.select().from(videos).where(eq(videos.id, videoId)).limit(1);
  return row ?? null;
}

export async function listVideos(db: Database, workspaceId: string): Promise<VideoWithUse[]> {
  const rows = await db
    .select({ video: videos, postCount })
    .from(videos)
    .where(and(eq(videos.workspaceId, workspaceId), isNull(videos.deletedAt)))
    .orderBy(desc(videos.createdAt))
    .limit(200);
  return rows.map((r) => ({ ...r.video, postCount: r.postCount }));
}

export async function listParts(db: Database, videoId: string) {
  return db.select().from(videoParts).where(eq(videoParts.videoId, videoId)).orderBy(videoParts.partNumber);
}

export async function insertVideo(db: Database, row: VideoRow) {
  await db.insert(videos).values(row);
}

export async function savePart(db: Database, part: typeof videoParts.$inferInsert) {
  await db
    .insert(videoParts)
    .values(part)
    .onConflictDoUpdate({ target: [videoParts.videoId, videoParts.partNumber], set: { etag: part.etag, size: part.size } });
}

/** Closes an upload (uploading → processing) and drops its part list; null if another request closed it first. */
export async function closeUpload(db: Database, videoId: string, now: number) {
  const [updated] = await db.batch([
    db
      .update(videos)
      .set({ status: "processing", uploadId: null, updatedAt: now })
      .where(and(eq(videos.id, videoId), eq(videos.status, "uploading")))
      .returning(),
    db.delete(videoParts).where(eq(videoParts.videoId, videoId)),
  ]);
  return updated[0] ?? null;
}

/** Stores a probe's verdict; only while the video still awaits one (a redelivered message changes nothing). */
export async function saveVerdict(
  db: Database,
  videoId: string,
  verdict: Pick<VideoRow, "status" | "probe" | "problems" | "warnings">,
  now: number,
) {
  const awaiting = sql`(${videos.status} = 'processing' OR (${videos.status} = 'ready' AND ${videos.probedAt} IS NULL))`;
  const where = and(eq(videos.id, videoId), isNull(videos.deletedAt), awaiting)!;
  const update = db
    .update(videos)
    .set({ ...verdict, probedAt: now, updatedAt: now })
    .where(where)
    .returning({ id: videos.id });
  // The event (video.ready / video.rejected) first: it reads the row the UPDATE then judges, in one transaction.
  const event = videoOutbox(db, where, verdict.status, now);
  const rows = event ? (await db.batch([event, update]))[1] : await update;
  return rows.length > 0;
}

export async function setThumbnail(db: Database, videoId: string, key: string, type: string, now: number) {
  await db.update(videos).set({ thumbnailKey: key, thumbnailType: type, updatedAt: now }).where(eq(videos.id, videoId));
}

/** Posts that may still go out with this video (any status that is not final). */
export async function livePostsUsing(db: Database, videoId: string) {
  return db
    .select({ id: posts.id, status: posts.status, scheduledAt: posts.scheduledAt, caption: posts.caption })
    .from(posts)
    .where(and(eq(posts.videoId, videoId), notInArray(posts.status, [...FINAL_STATUSES])))
    .limit(20);
}

/** Hides a video; its R2 objects go with the cron's cleanup. An unfinished upload's rows are dropped at once. */
export async function markDeleted(db: Database, videoId: string, now: number) {
  await db.batch([
    db
      .update(videos)
      .set({ deletedAt: now, uploadId: null, updatedAt: now })
      .where(and(eq(videos.id, videoId), isNull(videos.deletedAt))),
    db.delete(videoParts).where(eq(videoParts.videoId, videoId)),
  ]);
}

export async function deleteVideoRows(db: Database, videoIds: string[]) {
  if (videoIds.length === 0) return;
  await db.batch([
    db.delete(videoParts).where(inArray(videoParts.videoId, videoIds)),
    db.delete(videos).where(inArray(videos.id, videoIds)),
  ]);
}
