// What the stored probe decides at scheduling time (a video that is not ready, or longer than the account may post,
// is refused with reasons a person can act on), the cover frame sent to TikTok, and TikTok's own media checks
// failing a publish when a bad file gets through.
import { afterEach, describe, expect, it } from "vitest";
import { syntheticMp4 } from "../fixtures/synthetic-mp4";
import { connectAccount, emu, emuRecord, env, probeNow, schedulePost, signedUpClient, uploadVideo } from "./helpers";
import { fixture } from "./video-fixtures";
import { type World, world } from "./world";

let w: World | undefined;
afterEach(async () => {
  await w?.release();
  w = undefined;
});

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
const scheduling = (accountId: string, videoId: string, extra: Record<string, unknown> = {}) => ({
  accountId,
  videoId,
  caption: "Hello",
  privacyLevel: "SELF_ONLY",
  scheduledAt: tomorrow(),
  timezone: "UTC",
  mode: "direct",
  ...extra,
});

describe("scheduling checks the video's verdict", () => {
  it("refuses a rejected video with its problems, in plain words", async () => {
    const client = await signedUpClient();
    const { accountId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client, fixture("fps-15.mp4"));

    const res = await client.json("/api/posts", scheduling(accountId, videoId));

    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({
      code: "video_not_ready",
      message: "This video cannot be posted: The video runs at 15 frames per second; TikTok takes 23 to 60. Export it at 30 fps.",
      details: { problems: [{ code: "frame_rate_out_of_range", message: expect.stringContaining("15 frames per second") }] },
    });
    expect((await client.json("/api/posts")).body.posts).toEqual([]);
  });

  it("refuses a video still being checked", async () => {
    const client = await signedUpClient();
    const { accountId } = await connectAccount(client);
    const bytes = syntheticMp4(100_000, 3);
    const created = await client.json("/api/videos", { filename: "a.mp4", size: bytes.byteLength, contentType: "video/mp4" });
    const id = created.body.video.id;
    await client.fetch(`/api/videos/${id}/parts/1`, { method: "PUT", body: bytes });
    await client.json(`/api/videos/${id}/complete`, {});

    const res = await client.json("/api/posts", scheduling(accountId, id));
    expect(res).toEqual({
      status: 409,
      body: {
        error: {
          code: "video_not_ready",
          message: "The video is still being checked; try again in a few seconds.",
          details: { problems: [] },
        },
      },
    });
    await probeNow(id);
    expect((await client.json("/api/posts", scheduling(accountId, id))).status).toBe(201);
  });

  it("refuses a video longer than the account may post, saying the account's limit", async () => {
    const client = await signedUpClient();
    const { accountId, username } = await connectAccount(client);
    // TikTok's floor is 3 minutes (a shorter video is never asked about): a 4-minute video against that floor.
    await emu(`/__emu/users/${username}`, "PUT", { maxVideoPostDurationSec: 180 });
    const { videoId } = await uploadVideo(client, syntheticMp4(300_000, 240));

    const res = await client.json("/api/posts", scheduling(accountId, videoId));
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({
      code: "video_too_long_for_account",
      message: "The video lasts 240 s; this account may post videos up to 180 s. Trim it or choose another account.",
      details: { maxVideoPostDurationSec: 180, durationMs: 240_000 },
    });
    // An inbox draft has no creator limit (the creator trims it in the app): it may be sent.
    const inbox = await client.json("/api/posts", scheduling(accountId, videoId, { mode: "inbox", privacyLevel: null }));
    expect(inbox.status).toBe(201);
  });

  it("refuses a cover frame outside the video", async () => {
    const client = await signedUpClient();
    const { accountId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client, syntheticMp4(100_000, 3));
    const res = await client.json("/api/posts", scheduling(accountId, videoId, { coverTimestampMs: 3_500 }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "cover_out_of_range", details: { path: "coverTimestampMs" } });
  });
});

describe("publishing with the stored verdict", () => {
  it("asks TikTok for the chosen cover frame", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const { accountId, openId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client);
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(2_000), coverTimestampMs: 1_500 });
    expect((await client.json(`/api/posts/${post.id}`)).body.post.coverTimestampMs).toBe(1_500);

    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("published");
    const { inits } = await emuRecord(openId);
    expect(inits[0].post_info.video_cover_timestamp_ms).toBe(1_500);
  });

  it("fails at TikTok's media check when a bad file got past the probe", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const { accountId, openId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client, fixture("fps-15.mp4"));
    // Pretend the probe let it through (a probe bug): TikTok must still refuse it.
    const fake = {
      container: "mp4",
      durationMs: 2000,
      width: 360,
      height: 640,
      rotation: 0,
      fps: 30,
      videoCodec: "h264",
      audioCodec: null,
      bitrate: 1,
    };
    await env.DB.prepare("UPDATE videos SET status = 'ready', probe = ?, problems = '[]' WHERE id = ?")
      .bind(JSON.stringify(fake), videoId)
      .run();
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(2_000) });

    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("failed");
    expect(done!.post.lastError.code).toBe("frame_rate_check_failed");
    expect((await emuRecord(openId)).publishes[0]).toMatchObject({ status: "FAILED", fail_reason: "frame_rate_check_failed" });
  });
});
