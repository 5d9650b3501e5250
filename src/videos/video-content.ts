// Serves a stored video with HTTP Range support (browser previews, and TikTok's PULL_FROM_URL fetches).
import { AppError } from "../shared/errors";
import type { VideoRow } from "./videos.repo";

export async function serveVideo(bucket: R2Bucket, video: VideoRow, requestHeaders: Headers): Promise<Response> {
  const wantsRange = requestHeaders.has("range");
  const object = await bucket.get(video.r2Key, wantsRange ? { range: requestHeaders } : {});
  if (!object) throw new AppError(404, "not_found", "Video content not found");
  const headers = new Headers({
    "Content-Type": video.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
    ETag: object.httpEtag,
  });
  if (!wantsRange || !object.range) {
    headers.set("Content-Length", String(object.size));
    return new Response(object.body, { status: 200, headers });
  }
  const range = object.range as { offset?: number; length?: number; suffix?: number };
  const offset = range.suffix !== undefined ? object.size - range.suffix : (range.offset ?? 0);
  const length = range.suffix !== undefined ? range.suffix : (range.length ?? object.size - offset);
  headers.set("Content-Length", String(length));
  headers.set("Content-Range", `bytes ${offset}-${offset + length - 1}/${object.size}`);
  return new Response(object.body, { status: 206, headers });
}
