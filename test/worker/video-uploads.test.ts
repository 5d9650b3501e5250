// Resumable uploads as a browser experiences them: a part cut short by a dropped connection stores nothing, a new
// page learns which parts the server holds and sends only the rest, a retried complete answers the same video,
// cancel aborts the multipart upload; thumbnails are checked by their bytes; a video in use cannot be deleted.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { PART_SIZE } from "../../src/videos/videos.service";
import { syntheticMp4 } from "../fixtures/synthetic-mp4";
import { Client, connectAccount, probeNow, rows, schedulePost, sha256Hex, signedUpClient, uploadVideo } from "./helpers";
import { type World, world } from "./world";

let w: World | undefined;
afterEach(async () => {
  await w?.release();
  w = undefined;
});

const putPart = (client: Client, videoId: string, n: number, body: BodyInit, length: number) =>
  client.fetch(`/api/videos/${videoId}/parts/${n}`, { method: "PUT", body, headers: { "content-length": String(length) } });

/** A body that sends `bytes` and then ends, whatever Content-Length promised (a connection dropped mid-part). */
const cutShort = (bytes: Uint8Array) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });

async function createUpload(client: Client, size: number, filename = "trip.mp4") {
  const res = await client.json("/api/videos", { filename, size, contentType: "video/mp4" });
  expect(res.status).toBe(201);
  return res.body.video as { id: string; partSize: number; partCount: number };
}

describe("a resumable upload", () => {
  it("survives a part cut short and a reload: the new page sends only the missing part, and the file is whole", async () => {
    const bytes = syntheticMp4(PART_SIZE + 50_000, 6);
    const tab = await signedUpClient();
    const video = await createUpload(tab, bytes.byteLength);
    expect(video.partCount).toBe(2);
    expect((await putPart(tab, video.id, 2, bytes.slice(PART_SIZE), 50_000)).status).toBe(200);

    // Part 1 loses its connection after 1 MB of its 32 MiB.
    const dropped = await putPart(tab, video.id, 1, cutShort(bytes.slice(0, 1024 * 1024)), PART_SIZE);
    expect(dropped.status).toBe(400);
    expect(((await dropped.json()) as any).error).toMatchObject({ code: "part_incomplete" });
    expect(await rows("SELECT part_number FROM video_parts WHERE video_id = ?", video.id)).toEqual([{ part_number: 2 }]);

    // The page reloads: same session, nothing in memory. The server says what it has.
    const reloaded = new Client();
    reloaded.cookie = tab.cookie;
    const state = await reloaded.json(`/api/videos/${video.id}`);
    expect(state.body.video).toMatchObject({ status: "uploading", parts: [2], partCount: 2, partSize: PART_SIZE });
    expect((await putPart(reloaded, video.id, 1, bytes.slice(0, PART_SIZE), PART_SIZE)).status).toBe(200);
    expect((await reloaded.json(`/api/videos/${video.id}/complete`, {})).body.video.status).toBe("processing");
    await probeNow(video.id);

    const [row] = await rows<{ r2_key: string; status: string }>("SELECT r2_key, status FROM videos WHERE id = ?", video.id);
    expect(row!.status).toBe("ready");
    const stored = new Uint8Array(await (await env.VIDEOS.get(row!.r2_key))!.arrayBuffer());
    expect(await sha256Hex(stored)).toBe(await sha256Hex(bytes));
  });

  it("refuses parts of the wrong size, before a byte is stored", async () => {
    const client = await signedUpClient();
    const video = await createUpload(client, PART_SIZE + 10);
    const wrong = await putPart(client, video.id, 1, new Uint8Array(1000), 1000);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as any).error).toEqual({
      code: "invalid_part_size",
      message: `Part 1 must be exactly ${PART_SIZE} bytes`,
      details: { expected: PART_SIZE, received: 1000 },
    });
    const last = await putPart(client, video.id, 2, new Uint8Array(11), 11);
    expect(last.status).toBe(400);
    expect(await rows("SELECT * FROM video_parts WHERE video_id = ?", video.id)).toEqual([]);
  });

  it("answers a retried complete with the same video, and probes it once", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const bytes = syntheticMp4(100_000, 3);
    const video = await createUpload(client, bytes.byteLength);
    expect((await putPart(client, video.id, 1, bytes, bytes.byteLength)).status).toBe(200);

    const [first, second] = await Promise.all([
      client.json(`/api/videos/${video.id}/complete`, {}),
      client.json(`/api/videos/${video.id}/complete`, {}),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.video.id, second.body.video.id]).toEqual([video.id, video.id]);
    expect(w.mediaSent).toEqual([{ body: { kind: "probe", videoId: video.id }, delaySeconds: undefined }]);

    await w.deliverMedia();
    const third = await client.json(`/api/videos/${video.id}/complete`, {});
    expect(third).toMatchObject({ status: 200, body: { video: { id: video.id, status: "ready" } } });
    expect(w.mediaSent).toEqual([]);
  });

  it("cancels: the multipart upload is aborted and the video is gone", async () => {
    const client = await signedUpClient();
    const video = await createUpload(client, PART_SIZE + 10);
    expect((await putPart(client, video.id, 2, new Uint8Array(10), 10)).status).toBe(200);
    const [row] = await rows<{ r2_key: string; upload_id: string }>("SELECT r2_key, upload_id FROM videos WHERE id = ?", video.id);

    expect(await client.json(`/api/videos/${video.id}`, undefined, "DELETE")).toEqual({ status: 200, body: { deleted: true } });

    expect((await client.json(`/api/videos/${video.id}`)).status).toBe(404);
    expect(await rows("SELECT * FROM video_parts WHERE video_id = ?", video.id)).toEqual([]);
    const aborted = env.VIDEOS.resumeMultipartUpload(row!.r2_key, row!.upload_id);
    await expect(aborted.uploadPart(1, new Uint8Array(10))).rejects.toThrow();
  });
});

describe("a video's thumbnail", () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(200).fill(7)]);

  it("is stored when its bytes are an image, and served back", async () => {
    const client = await signedUpClient();
    const { videoId } = await uploadVideo(client);
    const put = await client.fetch(`/api/videos/${videoId}/thumbnail`, { method: "PUT", body: jpeg });
    expect(put.status).toBe(200);
    expect(((await put.json()) as any).video.thumbnailUrl).toBe(`/api/videos/${videoId}/thumbnail`);

    const got = await client.fetch(`/api/videos/${videoId}/thumbnail`);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(jpeg);
  });

  it("is refused when it is not a JPEG, WebP or PNG, or over 512 KB", async () => {
    const client = await signedUpClient();
    const { videoId } = await uploadVideo(client);
    const html = await client.fetch(`/api/videos/${videoId}/thumbnail`, {
      method: "PUT",
      body: "<svg onload=alert(1)>",
      headers: { "content-type": "image/jpeg" },
    });
    expect(html.status).toBe(400);
    expect(((await html.json()) as any).error.code).toBe("invalid_thumbnail");

    const big = new Uint8Array(512 * 1024 + 1);
    big.set(jpeg.slice(0, 4));
    const tooBig = await client.fetch(`/api/videos/${videoId}/thumbnail`, { method: "PUT", body: big });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as any).error.code).toBe("thumbnail_too_large");
    expect((await client.json(`/api/videos/${videoId}`)).body.video.thumbnailUrl).toBeNull();
    expect((await client.fetch(`/api/videos/${videoId}/thumbnail`)).status).toBe(404);
  });
});

describe("deleting a video", () => {
  it("is refused while a scheduled post uses it, naming that post; allowed once the post is cancelled", async () => {
    const client = await signedUpClient();
    const { accountId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client);
    const post = await schedulePost(client, accountId, videoId, {
      caption: "Launch day",
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((await client.json("/api/videos")).body.videos).toEqual([expect.objectContaining({ id: videoId, postCount: 1 })]);

    const refused = await client.json(`/api/videos/${videoId}`, undefined, "DELETE");
    expect(refused).toEqual({
      status: 409,
      body: {
        error: {
          code: "video_in_use",
          message: "This video is used by posts that have not gone out yet: “Launch day” (scheduled). Cancel them first.",
          details: { posts: [{ id: post.id, status: "scheduled" }] },
        },
      },
    });

    expect((await client.json(`/api/posts/${post.id}`, undefined, "DELETE")).status).toBe(200);
    expect((await client.json(`/api/videos/${videoId}`, undefined, "DELETE")).status).toBe(200);
    expect((await client.json("/api/videos")).body.videos).toEqual([]);
    expect((await client.fetch(`/api/videos/${videoId}/content`)).status).toBe(404);
    // The row stays for the cancelled post's history; its objects go with the cron's purge.
    expect(await rows("SELECT deleted_at IS NOT NULL AS deleted FROM videos WHERE id = ?", videoId)).toEqual([{ deleted: 1 }]);
  });
});
