// The cron's video housekeeping, driven on the world's clock: uploads abandoned for a day are aborted and forgotten,
// the objects of rejected and deleted videos are removed after VIDEO_PURGE_AFTER_DAYS, lost probes are sent again.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { PART_SIZE } from "../../src/videos/videos.service";
import { syntheticMp4 } from "../fixtures/synthetic-mp4";
import { rows, signedUpWithToken, uploadVideo } from "./helpers";
import { fixture } from "./video-fixtures";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const videoRow = async (id: string) =>
  (
    await rows<{ r2_key: string; upload_id: string | null; status: string; purged_at: number | null }>(
      "SELECT r2_key, upload_id, status, purged_at FROM videos WHERE id = ?",
      id,
    )
  )[0];

describe("video cleanup from the cron", () => {
  it("aborts a multipart upload left unfinished for 24 hours and removes its rows", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const created = await client.json("/api/videos", { filename: "half.mp4", size: PART_SIZE + 10, contentType: "video/mp4" });
    const id = created.body.video.id;
    const part = await client.fetch(`/api/videos/${id}/parts/2`, {
      method: "PUT",
      body: new Uint8Array(10),
      headers: { "content-length": "10" },
    });
    expect(part.status).toBe(200);
    const { r2_key: key, upload_id: uploadId } = (await videoRow(id))!;

    await w.advanceTo(w.now() + 23 * HOUR);
    await w.tick();
    expect((await client.json(`/api/videos/${id}`)).body.video.parts).toEqual([2]);

    await w.advanceTo(w.now() + HOUR + 60_000);
    await w.tick();
    expect(await videoRow(id)).toBeUndefined();
    expect(await rows("SELECT * FROM video_parts WHERE video_id = ?", id)).toEqual([]);
    await expect(env.VIDEOS.resumeMultipartUpload(key, uploadId!).uploadPart(1, new Uint8Array(10))).rejects.toThrow();
    expect((await client.json(`/api/videos/${id}`)).status).toBe(404);
  });

  it("removes a rejected video's file after the configured days, keeping its verdict", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const { videoId } = await uploadVideo(client, fixture("not-a-video.mp4"));
    const { r2_key: key } = (await videoRow(videoId))!;
    const days = Number(env.VIDEO_PURGE_AFTER_DAYS);
    expect(days).toBe(7);

    // The probe ran on the system clock; the world's clock starts a day ahead of it.
    await w.advanceTo(Date.now() + (days - 1) * DAY);
    await w.tick();
    expect(await env.VIDEOS.head(key)).not.toBeNull();

    await w.advanceTo(Date.now() + days * DAY + HOUR);
    await w.tick();
    expect(await env.VIDEOS.head(key)).toBeNull();
    expect(await videoRow(videoId)).toMatchObject({ status: "rejected", purged_at: w.now() });
    expect((await client.json(`/api/videos/${videoId}`)).body.video.problems[0].code).toBe("unreadable");
  });

  it("removes a deleted video's file and thumbnail, and its row when no post ever used it", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const { videoId } = await uploadVideo(client);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
    expect((await client.fetch(`/api/videos/${videoId}/thumbnail`, { method: "PUT", body: png })).status).toBe(200);
    const { r2_key: key } = (await videoRow(videoId))!;
    expect((await client.json(`/api/videos/${videoId}`, undefined, "DELETE")).status).toBe(200);
    expect(await env.VIDEOS.head(key)).not.toBeNull();

    await w.advanceTo(w.now() + 7 * DAY + HOUR);
    await w.tick();
    expect(await env.VIDEOS.head(key)).toBeNull();
    expect(await env.VIDEOS.head(`${key}.thumb`)).toBeNull();
    expect(await videoRow(videoId)).toBeUndefined();
  });

  it("sends a probe again when its message was lost", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const bytes = syntheticMp4(100_000, 3);
    const created = await client.json("/api/videos", { filename: "a.mp4", size: bytes.byteLength, contentType: "video/mp4" });
    const id = created.body.video.id;
    const length = String(bytes.byteLength);
    expect(
      (await client.fetch(`/api/videos/${id}/parts/1`, { method: "PUT", body: bytes, headers: { "content-length": length } })).status,
    ).toBe(200);
    expect((await client.json(`/api/videos/${id}/complete`, {})).body.video.status).toBe("processing");
    w.mediaSent.splice(0); // lost

    await w.advanceTo(w.now() + 16 * 60_000);
    await w.tick();
    expect(w.mediaSent.map((m) => m.body)).toEqual([{ kind: "probe", videoId: id }]);
    await w.deliverMedia();
    expect((await client.json(`/api/videos/${id}`)).body.video.status).toBe("ready");
    await w.tick();
    expect(w.mediaSent).toEqual([]);
  });
});
