// Serves a stored video with HTTP Range support (browser previews, and TikTok's PULL_FROM_URL fetches).
// Ranges are parsed here (RFC 9110 §14), not left to storage: past-the-end → 416, malformed → whole file.
import type { VideoRow } from "./videos.repo";

type ByteRange = { offset: number; length: number };

/** A single byte range within `size`, "unsatisfiable", or null to serve the whole file. */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Math.min(Number(match[2]), size);
    return suffix === 0 ? "unsatisfiable" : { offset: size - suffix, length: suffix };
  }
  const first = Number(match[1]);
  const last = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== "" && Number(match[2]) < first) return null;
  if (first >= size) return "unsatisfiable";
  return { offset: first, length: last - first + 1 };
}

export async function serveVideo(bucket: R2Bucket, video: VideoRow, requestHeaders: Headers): Promise<Response> {
  const headers = new Headers({
    "Content-Type": video.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
  const range = parseRange(requestHeaders.get("range"), video.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${video.size}`);
    return new Response(null, { status: 416, headers });
  }
  const object = await bucket.get(video.r2Key, range ? { range } : {});
  if (!object) return Response.json({ error: { code: "not_found", message: "Video content not found", details: null } }, { status: 404 });
  headers.set("ETag", object.httpEtag);
  if (!range) {
    headers.set("Content-Length", String(object.size));
    return new Response(object.body, { status: 200, headers });
  }
  headers.set("Content-Length", String(range.length));
  headers.set("Content-Range", `bytes ${range.offset}-${range.offset + range.length - 1}/${video.size}`);
  return new Response(object.body, { status: 206, headers });
}
