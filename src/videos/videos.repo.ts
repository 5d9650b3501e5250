// Videos and their uploaded parts in D1.
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { videoParts, videos } from "../db/schema";
import { iso } from "../shared/http";

export type VideoRow = typeof videos.$inferSelect;

export async function findVideo(db: Database, workspaceId: string, videoId: string) {
  const [row] = await db
    .select()
    .from(videos)
    .where(and(eq(videos.id, videoId), eq(videos.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

/** A video by id alone (TikTok's signed PULL_FROM_URL fetch, which belongs to no session). */
export async function findVideoById(db: Database, videoId: string) {
  const [row] = await db.select().from(videos).where(eq(videos.id, videoId)).limit(1);
  return row ?? null;
}

export async function listVideos(db: Database, workspaceId: string) {
  return db.select().from(videos).where(eq(videos.workspaceId, workspaceId)).orderBy(desc(videos.createdAt)).limit(200);
}

export async function listParts(db: Database, videoId: string) {
  return db.select().from(videoParts).where(eq(videoParts.videoId, videoId)).orderBy(videoParts.partNumber);
}

export function videoView(row: VideoRow) {
  return {
    id: row.id,
    filename: row.filename,
    size: row.size,
    contentType: row.contentType,
    status: row.status,
    partSize: row.partSize,
    partCount: row.partCount,
    createdAt: iso(row.createdAt)!,
  };
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

/** Closes an upload: the video takes its verdict and its part list is no longer needed. */
export async function closeUpload(db: Database, videoId: string, status: VideoRow["status"], now: number) {
  await db.batch([
    db.update(videos).set({ status, uploadId: null, updatedAt: now }).where(eq(videos.id, videoId)),
    db.delete(videoParts).where(eq(videoParts.videoId, videoId)),
  ]);
}
