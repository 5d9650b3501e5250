// Uploading videos: resumable create → parts → complete into R2 (then probed), the checks on sizes and content,
// and ranged playback limited to the owner's workspace.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_VIDEO_BYTES } from "../../src/videos/video-rules";
import { PART_SIZE } from "../../src/videos/videos.service";
import { syntheticMp4 } from "../fixtures/synthetic-mp4";
import { Client, probeNow, rows, signedUpClient, uploadVideo } from "./helpers";
import { fixture } from "./video-fixtures";

const putPart = (client: Client, videoId: string, n: number | string, bytes: Uint8Array) =>
  client.fetch(`/api/videos/${videoId}/parts/${n}`, {
    method: "PUT",
    body: bytes,
    headers: { "content-length": String(bytes.byteLength) },
  });

async function startUpload(client: Client, fields: Record<string, unknown> = {}) {
  const res = await client.json("/api/videos", { filename: "clip.mp4", size: 1000, contentType: "video/mp4", ...fields });
  expect(res.status).toBe(201);
  return res.body.video as { id: string; size: number; partSize: number; partCount: number };
}

const videoRow = async (id: string) =>
  (
    await rows<{ status: string; upload_id: string | null; r2_key: string }>(
      "SELECT status, upload_id, r2_key FROM videos WHERE id = ?",
      id,
    )
  )[0];

describe("uploading a video", () => {
  it("takes a video in parts and stores exactly those bytes, ready to schedule", async () => {
    const client = await signedUpClient();
    const bytes = syntheticMp4(150_000, 4);

    const created = await client.json("/api/videos", { filename: "beach.mp4", size: bytes.byteLength, contentType: "video/mp4" });
    expect(created).toEqual({
      status: 201,
      body: {
        video: {
          id: expect.stringMatching(/^vid_/),
          filename: "beach.mp4",
          size: 150_000,
          contentType: "video/mp4",
          status: "uploading",
          probe: null,
          problems: [],
          warnings: [],
          thumbnailUrl: null,
          parts: [],
          partSize: PART_SIZE,
          partCount: 1,
          postCount: 0,
          createdAt: expect.any(String),
        },
      },
    });
    const id = created.body.video.id;

    const part = await putPart(client, id, 1, bytes);
    expect(part.status).toBe(200);
    expect(await part.json()).toEqual({ part: { partNumber: 1, etag: expect.any(String), size: 150_000 } });
    expect(await rows("SELECT part_number, size FROM video_parts WHERE video_id = ?", id)).toEqual([{ part_number: 1, size: 150_000 }]);

    expect((await client.json(`/api/videos/${id}`)).body.video.parts).toEqual([1]);
    const done = await client.json(`/api/videos/${id}/complete`, {});
    expect(done).toEqual({ status: 200, body: { video: { ...created.body.video, status: "processing" } } });
    await probeNow(id);

    const row = await videoRow(id);
    expect(row).toMatchObject({ status: "ready", upload_id: null });
    const probed = await client.json(`/api/videos/${id}`);
    expect(probed.body.video).toMatchObject({
      status: "ready",
      probe: { container: "mp4", durationMs: 4000, width: 1080, height: 1920, fps: 30, videoCodec: "h264", audioCodec: null },
      problems: [],
      warnings: [{ code: "no_audio", message: "The video has no sound track." }],
    });
    const stored = await env.VIDEOS.get(row!.r2_key);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bytes);
    expect(await rows("SELECT * FROM video_parts WHERE video_id = ?", id)).toEqual([]);
    expect((await client.json("/api/videos")).body.videos.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([
      [id, "ready"],
    ]);
  });

  it("splits a large video into equal 32 MiB parts and a last part with the remainder", async () => {
    const client = await signedUpClient();
    const video = await startUpload(client, { size: 2 * PART_SIZE + 123 });
    expect(video.partCount).toBe(3);

    const tooShortLast = await putPart(client, video.id, 3, new Uint8Array(122));
    expect(tooShortLast.status).toBe(400);
    expect(await tooShortLast.json()).toEqual({
      error: { code: "invalid_part_size", message: "Part 3 must be exactly 123 bytes", details: { expected: 123, received: 122 } },
    });
    expect((await putPart(client, video.id, 3, new Uint8Array(123))).status).toBe(200);
  });

  it("refuses a part of the wrong size and records nothing for it", async () => {
    const client = await signedUpClient();
    const video = await startUpload(client, { size: 1000 });

    const res = await putPart(client, video.id, 1, new Uint8Array(999));

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "invalid_part_size", message: "Part 1 must be exactly 1000 bytes", details: { expected: 1000, received: 999 } },
    });
    expect(await rows("SELECT * FROM video_parts WHERE video_id = ?", video.id)).toEqual([]);
  });

  it("refuses part numbers outside the upload's range", async () => {
    const client = await signedUpClient();
    const video = await startUpload(client, { size: 1000 });

    const beyond = await putPart(client, video.id, 2, new Uint8Array(1000));
    expect(beyond.status).toBe(400);
    expect(await beyond.json()).toEqual({ error: { code: "invalid_part", message: "Part number must be between 1 and 1", details: null } });

    const zero = await putPart(client, video.id, 0, new Uint8Array(1000));
    expect(zero.status).toBe(400);
    const zeroBody = (await zero.json()) as any;
    expect(zeroBody.error.code).toBe("invalid_request");
    expect(zeroBody.error.details.map((d: { path: string }) => d.path)).toEqual(["n"]);
    expect(await rows("SELECT * FROM video_parts WHERE video_id = ?", video.id)).toEqual([]);
  });

  it("will not complete until every part is in, and says which are missing", async () => {
    const client = await signedUpClient();
    const video = await startUpload(client, { size: 2 * PART_SIZE + 10 });
    expect((await putPart(client, video.id, 3, new Uint8Array(10))).status).toBe(200);

    const res = await client.json(`/api/videos/${video.id}/complete`, {});

    expect(res).toEqual({
      status: 409,
      body: { error: { code: "parts_missing", message: "Some parts have not been uploaded", details: { missing: [1, 2] } } },
    });
    expect(await videoRow(video.id)).toMatchObject({ status: "uploading" });
  });

  it("rejects a file that is not a video once probed, says why, and will not serve it", async () => {
    const client = await signedUpClient();
    const html = new TextEncoder().encode(`<!doctype html><script>alert(document.cookie)</script>${" ".repeat(2000)}`);
    const video = await startUpload(client, { filename: "clip.mp4", size: html.byteLength, contentType: "video/mp4" });
    expect((await putPart(client, video.id, 1, html)).status).toBe(200);

    const res = await client.json(`/api/videos/${video.id}/complete`, {});
    expect(res.body.video.status).toBe("processing");
    await probeNow(video.id);

    expect(await videoRow(video.id)).toMatchObject({ status: "rejected", upload_id: null });
    expect((await client.json(`/api/videos/${video.id}`)).body.video).toMatchObject({
      status: "rejected",
      probe: null,
      problems: [{ code: "unreadable", message: "This file is not a video we can read. Upload an MP4, MOV or WebM video." }],
    });
    expect((await client.fetch(`/api/videos/${video.id}/content`)).status).toBe(404);
  });

  it("accepts a real VP9 WebM", async () => {
    const client = await signedUpClient();
    const webm = fixture("vp9.webm");
    const video = await startUpload(client, { filename: "clip.webm", size: webm.byteLength, contentType: "video/webm" });
    expect((await putPart(client, video.id, 1, webm)).status).toBe(200);

    expect((await client.json(`/api/videos/${video.id}/complete`, {})).status).toBe(200);
    await probeNow(video.id);
    expect((await client.json(`/api/videos/${video.id}`)).body.video).toMatchObject({ status: "ready", probe: { container: "webm" } });
  });

  it("refuses content types other than MP4, MOV and WebM up front", async () => {
    const client = await signedUpClient();
    const res = await client.json("/api/videos", { filename: "cat.png", size: 1000, contentType: "image/png" });

    expect(res).toEqual({
      status: 400,
      body: {
        error: {
          code: "invalid_request",
          message: "The request is not valid",
          details: [{ path: "contentType", message: "Upload an MP4, MOV or WebM video" }],
        },
      },
    });
    expect((await client.json("/api/videos")).body).toEqual({ videos: [] });
  });

  it("refuses videos over 4 GB and accepts exactly 4 GB", async () => {
    const client = await signedUpClient();
    const over = await client.json("/api/videos", { filename: "huge.mp4", size: MAX_VIDEO_BYTES + 1, contentType: "video/mp4" });
    expect(over).toEqual({
      status: 400,
      body: {
        error: {
          code: "invalid_request",
          message: "The request is not valid",
          details: [{ path: "size", message: "Videos can be at most 4 GB" }],
        },
      },
    });

    const exactly = await client.json("/api/videos", { filename: "big.mp4", size: 4 * 1024 ** 3, contentType: "video/mp4" });
    expect(exactly.status).toBe(201);
    expect(exactly.body.video.partCount).toBe(128);
    expect((await client.json("/api/videos")).body.videos).toHaveLength(1);
  });

  it("closes the upload once complete: no more parts; a repeated complete answers the same video", async () => {
    const client = await signedUpClient();
    const { videoId, bytes } = await uploadVideo(client);

    const late = await putPart(client, videoId, 1, bytes);
    expect(late.status).toBe(409);
    expect(((await late.json()) as any).error).toEqual({
      code: "video_not_uploading",
      message: "This video is ready; its upload is closed",
      details: null,
    });
    const again = await client.json(`/api/videos/${videoId}/complete`, {});
    expect(again).toEqual({ status: 200, body: { video: expect.objectContaining({ id: videoId, status: "ready" }) } });
  });
});

describe("playing back a video", () => {
  it("serves the whole file, and any byte range with 206 and Content-Range", async () => {
    const client = await signedUpClient();
    const { videoId, bytes } = await uploadVideo(client, syntheticMp4(200_000, 3));

    const whole = await client.fetch(`/api/videos/${videoId}/content`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-length")).toBe("200000");
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);

    const middle = await client.fetch(`/api/videos/${videoId}/content`, { headers: { range: "bytes=1000-1999" } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe("bytes 1000-1999/200000");
    expect(middle.headers.get("content-length")).toBe("1000");
    expect(new Uint8Array(await middle.arrayBuffer())).toEqual(bytes.slice(1000, 2000));

    const openEnded = await client.fetch(`/api/videos/${videoId}/content`, { headers: { range: "bytes=199990-" } });
    expect(openEnded.status).toBe(206);
    expect(openEnded.headers.get("content-range")).toBe("bytes 199990-199999/200000");
    expect(new Uint8Array(await openEnded.arrayBuffer())).toEqual(bytes.slice(199_990));

    const suffix = await client.fetch(`/api/videos/${videoId}/content`, { headers: { range: "bytes=-16" } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get("content-range")).toBe("bytes 199984-199999/200000");
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(bytes.slice(-16));
  });

  it("answers a range that starts past the end with 416 and the real size (RFC 9110 §15.5.17)", async () => {
    const client = await signedUpClient();
    const { videoId } = await uploadVideo(client, syntheticMp4(200_000, 3));

    const res = await client.fetch(`/api/videos/${videoId}/content`, { headers: { range: "bytes=500000-" } });

    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe("bytes */200000");
  });

  it("serves user media with nosniff so a browser never renders it as another type", async () => {
    // reliability-security.md §B "Upload validation": ASVS 5.0 3.4.4 (nosniff) for user files.
    const client = await signedUpClient();
    const { videoId } = await uploadVideo(client);

    const res = await client.fetch(`/api/videos/${videoId}/content`);

    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("hides another workspace's video: content, parts and completion all answer 404", async () => {
    const owner = await signedUpClient();
    const { videoId } = await uploadVideo(owner);
    const pending = await startUpload(owner, { size: 1000 });
    const stranger = await signedUpClient();

    const content = await stranger.fetch(`/api/videos/${videoId}/content`);
    expect(content.status).toBe(404);
    expect(await content.json()).toEqual({ error: { code: "not_found", message: "Video not found", details: null } });
    const part = await putPart(stranger, pending.id, 1, new Uint8Array(1000));
    expect(part.status).toBe(404);
    expect((await stranger.json(`/api/videos/${pending.id}/complete`, {})).status).toBe(404);
    expect(await rows("SELECT * FROM video_parts WHERE video_id = ?", pending.id)).toEqual([]);
    expect((await stranger.json("/api/videos")).body).toEqual({ videos: [] });
  });

  it("requires a session", async () => {
    const owner = await signedUpClient();
    const { videoId } = await uploadVideo(owner);
    const res = await new Client().fetch(`/api/videos/${videoId}/content`);
    expect(res.status).toBe(401);
  });
});
