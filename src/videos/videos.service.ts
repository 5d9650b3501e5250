// Resumable video uploads: an R2 multipart upload fed part by part through the Worker, streamed (never buffered).
import type { Database } from "../db/client";
import { AppError } from "../shared/errors";
import { newId } from "../shared/ids";
import { closeUpload, findVideo, insertVideo, listParts, savePart, type VideoRow } from "./videos.repo";

// R2 parts must be equal-sized (≥ 5 MiB) except the last; 32 MiB keeps each request far below
// Cloudflare's 100 MB request-body limit and a 4 GB video at 128 parts.
export const PART_SIZE = 32 * 1024 * 1024;

export function expectedPartSize(video: Pick<VideoRow, "size" | "partSize" | "partCount">, partNumber: number) {
  return partNumber < video.partCount ? video.partSize : video.size - video.partSize * (video.partCount - 1);
}

export async function createVideo(
  db: Database,
  bucket: R2Bucket,
  input: { workspaceId: string; userId: string; filename: string; size: number; contentType: string },
  now: number,
) {
  const id = newId("vid");
  const r2Key = `${input.workspaceId}/${id}`;
  const upload = await bucket.createMultipartUpload(r2Key, { httpMetadata: { contentType: input.contentType } });
  const row: VideoRow = {
    id,
    workspaceId: input.workspaceId,
    r2Key,
    filename: input.filename,
    contentType: input.contentType,
    size: input.size,
    partSize: PART_SIZE,
    partCount: Math.max(1, Math.ceil(input.size / PART_SIZE)),
    uploadId: upload.uploadId,
    status: "uploading",
    createdBy: input.userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertVideo(db, row);
  return row;
}

async function uploadingVideo(db: Database, workspaceId: string, videoId: string) {
  const video = await findVideo(db, workspaceId, videoId);
  if (!video) throw new AppError(404, "not_found", "Video not found");
  if (video.status !== "uploading" || !video.uploadId) {
    throw new AppError(409, "video_not_uploading", `This video is ${video.status}; its upload is closed`);
  }
  return video;
}

export async function putPart(
  db: Database,
  bucket: R2Bucket,
  where: { workspaceId: string; videoId: string; partNumber: number },
  body: ReadableStream | null,
  contentLength: number | null,
) {
  const video = await uploadingVideo(db, where.workspaceId, where.videoId);
  const { partNumber } = where;
  if (partNumber < 1 || partNumber > video.partCount) {
    throw new AppError(400, "invalid_part", `Part number must be between 1 and ${video.partCount}`);
  }
  const expected = expectedPartSize(video, partNumber);
  if (!body || contentLength !== expected) {
    throw new AppError(400, "invalid_part_size", `Part ${partNumber} must be exactly ${expected} bytes`, {
      expected,
      received: contentLength,
    });
  }
  const upload = bucket.resumeMultipartUpload(video.r2Key, video.uploadId!);
  const part = await upload.uploadPart(partNumber, body);
  await savePart(db, { videoId: video.id, partNumber, etag: part.etag, size: expected });
  return { partNumber, etag: part.etag, size: expected };
}

export async function completeVideo(db: Database, bucket: R2Bucket, workspaceId: string, videoId: string, now: number) {
  const video = await uploadingVideo(db, workspaceId, videoId);
  const parts = await listParts(db, video.id);
  const missing = [];
  for (let n = 1; n <= video.partCount; n++) if (!parts.some((p) => p.partNumber === n)) missing.push(n);
  if (missing.length > 0) throw new AppError(409, "parts_missing", "Some parts have not been uploaded", { missing });
  const upload = bucket.resumeMultipartUpload(video.r2Key, video.uploadId!);
  await upload.complete(parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })));
  const status = (await looksLikeVideo(bucket, video.r2Key)) ? "ready" : "failed";
  await closeUpload(db, video.id, status, now);
  if (status === "failed") {
    throw new AppError(422, "unsupported_video", "This file is not an MP4, MOV or WebM video");
  }
  return { ...video, status, uploadId: null, updatedAt: now } satisfies VideoRow;
}

/** Container magic: ISO BMFF ("ftyp" at byte 4: MP4/MOV) or EBML (WebM). */
async function looksLikeVideo(bucket: R2Bucket, key: string) {
  const head = await bucket.get(key, { range: { offset: 0, length: 12 } });
  if (!head) return false;
  const bytes = new Uint8Array(await head.arrayBuffer());
  const ftyp = String.fromCharCode(...bytes.slice(4, 8)) === "ftyp";
  const ebml = bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;
  return ftyp || ebml;
}
