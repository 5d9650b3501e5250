// The cron cleanup's reads and writes on `videos`: abandoned uploads, objects due for removal, probes to re-send.
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { videos } from "../db/schema";

const BATCH = 50;

export async function abandonedUploads(db: Database, startedBefore: number) {
  return db
    .select({ id: videos.id, r2Key: videos.r2Key, uploadId: videos.uploadId, thumbnailKey: videos.thumbnailKey })
    .from(videos)
    .where(and(eq(videos.status, "uploading"), lt(videos.createdAt, startedBefore)))
    .limit(BATCH);
}

/** Rejected videos untouched since `before`, and deleted ones deleted before it, whose objects are still in R2. */
export async function videosToPurge(db: Database, before: number) {
  const rejected = and(eq(videos.status, "rejected"), lt(videos.updatedAt, before));
  const deleted = and(isNotNull(videos.deletedAt), lt(videos.deletedAt, before));
  return db
    .select({
      id: videos.id,
      r2Key: videos.r2Key,
      thumbnailKey: videos.thumbnailKey,
      deleted: isNotNull(videos.deletedAt).mapWith(Boolean),
      // Spelled out: inside a subquery drizzle would leave the columns unqualified.
      used: sql<number>`EXISTS (SELECT 1 FROM posts AS p WHERE p.video_id = videos.id)`.mapWith(Boolean),
    })
    .from(videos)
    .where(and(isNull(videos.purgedAt), or(rejected, deleted)))
    .limit(BATCH);
}

export async function markPurged(db: Database, videoIds: string[], now: number) {
  if (videoIds.length === 0) return;
  await db.update(videos).set({ purgedAt: now }).where(inArray(videos.id, videoIds));
}

/** Videos whose probe message seems lost (processing too long), and videos made ready before probing existed. */
export async function probesToResend(db: Database, processingBefore: number) {
  const stuck = and(eq(videos.status, "processing"), lt(videos.updatedAt, processingBefore));
  const legacy = and(eq(videos.status, "ready"), isNull(videos.probedAt));
  return db
    .select({ id: videos.id })
    .from(videos)
    .where(and(isNull(videos.deletedAt), or(stuck, legacy)))
    .limit(BATCH);
}

/** Bumps updated_at so a re-sent probe is not re-sent again at the next tick. */
export async function touchVideos(db: Database, videoIds: string[], now: number) {
  if (videoIds.length === 0) return;
  await db
    .update(videos)
    .set({ updatedAt: now })
    .where(and(inArray(videos.id, videoIds), eq(videos.status, "processing")));
}
