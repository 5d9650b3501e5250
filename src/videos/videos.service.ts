// Resumable video uploads: an R2 multipart upload fed part by part through the Worker, streamed (never buffered);
// `complete` hands the file to the media queue for probing. Also reading, and deleting, a workspace's videos.
import type { Database } from "../db/client";
import { AppError, notFound } from "../shared/errors";
import { newId } from "../shared/ids";
import {
  closeUpload,
  findVideo,
  insertVideo,
  listParts,
  livePostsUsing,
  markDeleted,
  savePart,
  type VideoRow,
  type VideoWithUse,
} from "./videos.repo";
import type { MediaMessage } from "./videos.schemas";

// R2 parts must be equal-sized (≥ 5 MiB) except the last. 32 MiB stays far below the smallest plan's 100 MB
// request-body limit (video-processing.md), puts a 4 GB video at 128 parts (R2 allows 10,000), and with 4 parts in
// flight keeps a browser's retry after a dropped connection under ~10 s on a 30 Mbit/s uplink.
export const PART_SIZE = 32 * 1024 * 1024;

export type VideoDeps = { db: Database; bucket: R2Bucket; mediaQueue: Queue };

export function expectedPartSize(video: Pick<VideoRow, "size" | "partSize" | "partCount">, partNumber: number) {
  return partNumber < video.partCount ? video.partSize : video.size - video.partSize * (video.partCount - 1);
}

export async function createVideo(
  { db, bucket }: VideoDeps,
  input: { workspaceId: string; userId: string; filename: string; size: number; contentType: string },
  now: number,
): Promise<VideoWithUse> {
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
    probe: null,
    problems: "[]",
    warnings: "[]",
    probedAt: null,
    thumbnailKey: null,
    thumbnailType: null,
    deletedAt: null,
    purgedAt: null,
    createdBy: input.userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertVideo(db, row);
  return { ...row, postCount: 0 };
}

export async function requireVideo(db: Database, workspaceId: string, videoId: string) {
  const video = await findVideo(db, workspaceId, videoId);
  if (!video) throw notFound("Video");
  return video;
}

/** A video and, while it uploads, the part numbers already stored (what a resumed upload skips). */
export async function getVideo(db: Database, workspaceId: string, videoId: string) {
  const video = await requireVideo(db, workspaceId, videoId);
  const parts = video.status === "uploading" ? (await listParts(db, video.id)).map((p) => p.partNumber) : [];
  return { video, parts };
}

function openUpload(video: VideoRow) {
  if (video.status !== "uploading" || !video.uploadId) {
    throw new AppError(409, "video_not_uploading", `This video is ${video.status}; its upload is closed`);
  }
  return video.uploadId;
}

export async function putPart(
  { db, bucket }: VideoDeps,
  where: { workspaceId: string; videoId: string; partNumber: number },
  body: ReadableStream<Uint8Array> | null,
  contentLength: number | null,
) {
  const video = await requireVideo(db, where.workspaceId, where.videoId);
  const uploadId = openUpload(video);
  const { partNumber } = where;
  if (partNumber > video.partCount) {
    throw new AppError(400, "invalid_part", `Part number must be between 1 and ${video.partCount}`);
  }
  const expected = expectedPartSize(video, partNumber);
  if (!body || contentLength !== expected) {
    throw new AppError(400, "invalid_part_size", `Part ${partNumber} must be exactly ${expected} bytes`, {
      expected,
      received: contentLength,
    });
  }
  const sized = exactLength(body, expected);
  let part: R2UploadedPart;
  try {
    part = await bucket.resumeMultipartUpload(video.r2Key, uploadId).uploadPart(partNumber, sized.stream);
  } catch (error) {
    // The client promised `expected` bytes and sent fewer (a dropped connection): its fault, and nothing was stored.
    if (!(await sized.whole)) {
      throw new AppError(400, "part_incomplete", `Part ${partNumber} ended before its ${expected} bytes; send it again`);
    }
    throw error;
  }
  await savePart(db, { videoId: video.id, partNumber, etag: part.etag, size: expected });
  return { partNumber, etag: part.etag, size: expected };
}

/**
 * `body` with the exact length R2 needs (a FixedLengthStream), pumped by hand so the bytes are counted on the way:
 * a body that ends before `length` bytes (a dropped connection) makes `whole` resolve false, the client's fault.
 * (docs/benchmarks.md §9: a TransformStream in between, or a pump of the body's own 4 KiB chunks, halved
 * throughput through the Worker; 1 MiB reads keep it near a direct R2 upload.)
 */
const PUMP_BYTES = 1024 * 1024;

function exactLength(body: ReadableStream<Uint8Array>, length: number) {
  const fixed = new FixedLengthStream(length);
  const pump = async () => {
    const writer = fixed.writable.getWriter();
    const reader = body.getReader({ mode: "byob" });
    let received = 0;
    try {
      for (let done = false; !done; ) {
        // 1 MiB reads (readAtLeast, workerd's BYOB extension): the body arrives in 4 KiB chunks, and one JavaScript
        // write per 4 KiB is what made the pump slow.
        const read = await reader.readAtLeast(PUMP_BYTES, new Uint8Array(PUMP_BYTES));
        done = read.done;
        if (!read.value?.byteLength) continue;
        received += read.value.byteLength;
        if (received > length) break;
        await writer.write(read.value);
      }
      if (received !== length) throw new Error(`body ended after ${received} of ${length} bytes`);
      await writer.close();
      return true;
    } catch (error) {
      console.warn("part body ended early or failed", String(error));
      await writer.abort(error).catch(() => undefined); // the upload already fails with this stream's error
      return false;
    }
  };
  return { stream: fixed.readable, whole: pump() };
}

/**
 * Completes the multipart upload and queues the probe. Idempotent: a retried complete (the first answer was lost)
 * answers the same video in whatever state it has reached.
 */
export async function completeVideo(deps: VideoDeps, workspaceId: string, videoId: string, now: number) {
  const { db, bucket } = deps;
  const video = await requireVideo(db, workspaceId, videoId);
  if (video.status !== "uploading") return video;
  const uploadId = openUpload(video);
  const parts = await listParts(db, video.id);
  const missing = [];
  for (let n = 1; n <= video.partCount; n++) if (!parts.some((p) => p.partNumber === n)) missing.push(n);
  if (missing.length > 0) throw new AppError(409, "parts_missing", "Some parts have not been uploaded", { missing });
  try {
    await bucket.resumeMultipartUpload(video.r2Key, uploadId).complete(parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })));
  } catch (error) {
    // A concurrent or earlier complete may have finished the R2 side before its D1 write: the object is there.
    if ((await bucket.head(video.r2Key))?.size !== video.size) throw error;
  }
  if (await closeUpload(db, video.id, now)) {
    await deps.mediaQueue.send({ kind: "probe", videoId: video.id } satisfies MediaMessage);
  }
  return requireVideo(db, workspaceId, videoId);
}

/** Deletes a video nobody still needs; an unfinished upload is aborted (the browser's cancel). */
export async function deleteVideo({ db, bucket }: VideoDeps, workspaceId: string, videoId: string, now: number) {
  const video = await requireVideo(db, workspaceId, videoId);
  const users = await livePostsUsing(db, video.id);
  if (users.length > 0) {
    const named = users.map((p) => `“${p.caption.slice(0, 40) || p.id}” (${p.status})`).join(", ");
    throw new AppError(409, "video_in_use", `This video is used by posts that have not gone out yet: ${named}. Cancel them first.`, {
      posts: users.map(({ id, status }) => ({ id, status })),
    });
  }
  if (video.status === "uploading" && video.uploadId) await abortUpload(bucket, video.r2Key, video.uploadId);
  await markDeleted(db, video.id, now);
}

/** Aborts an R2 multipart upload; one already gone (aborted or expired) counts as aborted. */
export async function abortUpload(bucket: R2Bucket, key: string, uploadId: string) {
  try {
    await bucket.resumeMultipartUpload(key, uploadId).abort();
  } catch (error) {
    console.warn("aborting multipart upload failed (already gone?)", key, error);
  }
}
