// A video's poster frame, extracted by the browser when the file is chosen and stored next to the video in R2.
// Small by rule (MAX_THUMBNAIL_BYTES), so it is read whole; what it is comes from its bytes.
import type { Database } from "../db/client";
import { AppError, notFound } from "../shared/errors";
import { imageTypeOf } from "./image-bytes";
import { MAX_THUMBNAIL_BYTES } from "./video-rules";
import { setThumbnail } from "./videos.repo";
import { requireVideo } from "./videos.service";

const TOO_LARGE = `The thumbnail may be at most ${MAX_THUMBNAIL_BYTES / 1024} KB`;

export async function putThumbnail(
  deps: { db: Database; bucket: R2Bucket },
  where: { workspaceId: string; videoId: string },
  body: ReadableStream<Uint8Array> | null,
  contentLength: number | null,
  now: number,
) {
  const video = await requireVideo(deps.db, where.workspaceId, where.videoId);
  if (contentLength !== null && contentLength > MAX_THUMBNAIL_BYTES) throw new AppError(413, "thumbnail_too_large", TOO_LARGE);
  const bytes = await readAtMost(body, MAX_THUMBNAIL_BYTES);
  const type = bytes && imageTypeOf(bytes);
  if (!type) throw new AppError(400, "invalid_thumbnail", "The thumbnail must be a JPEG, WebP or PNG image");
  const key = `${video.r2Key}.thumb`;
  await deps.bucket.put(key, bytes, { httpMetadata: { contentType: type } });
  await setThumbnail(deps.db, video.id, key, type, now);
  return requireVideo(deps.db, where.workspaceId, where.videoId);
}

/** The whole body if it is at most `limit` bytes; a longer one is refused as soon as it passes the limit. */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > limit) throw new AppError(413, "thumbnail_too_large", TOO_LARGE);
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export async function serveThumbnail(db: Database, bucket: R2Bucket, workspaceId: string, videoId: string) {
  const video = await requireVideo(db, workspaceId, videoId);
  const object = video.thumbnailKey ? await bucket.get(video.thumbnailKey) : null;
  if (!object || !video.thumbnailType) throw notFound("Thumbnail");
  return new Response(object.body, {
    headers: {
      "Content-Type": video.thumbnailType,
      "Content-Length": String(object.size),
      "Cache-Control": "private, max-age=300",
      "X-Content-Type-Options": "nosniff",
      ETag: object.httpEtag,
    },
  });
}
