// Videos and their uploaded parts in D1.
import { and, eq } from "drizzle-orm";
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
