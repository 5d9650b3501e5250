// Display API emulation (tiktok-api.md §2, §2.1): user info fields and scopes, video/list and video/query exactly as
// documented, app-wide read limits, counts that grow with the emulator's clock, covers whose URLs expire.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index.ts";
import { startEmulator } from "../../emulator/index.ts";
import type { Connected } from "../../emulator/testing.ts";
import { api, connect, control, putChunk, record, waitFor } from "../../emulator/testing.ts";
import { syntheticMp4 } from "../fixtures/synthetic-mp4.ts";

const ALL = "user.info.basic,user.info.profile,user.info.stats,video.list,video.publish,video.upload";
const FIELDS = "id,create_time,title,video_description,view_count,like_count,comment_count,share_count,cover_image_url";
const T0 = Date.UTC(2027, 0, 4, 12);

let emu: RunningEmulator;
let base: string;
let jane: Connected;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, processingDelayMs: 0, moderationDelayMs: 0 });
  base = emu.url;
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(base, "POST", "/reset");
  await control(base, "PATCH", "/config", {
    rateLimitWindowMs: 60_000,
    readLimitScope: "app",
    limits: { videoList: 600, videoQuery: 600, userInfo: 600 },
    omitPublicPostId: false,
    metricsGrowth: true,
    accessTokenTtlSec: 30 * 86_400, // these tests move the clock by days
  });
  await control(base, "PUT", "/clock", { now: T0 });
  jane = await connect(base, "jane", ALL);
});

const list = (token: string, body: unknown, fields = FIELDS) => api(base, token, `/v2/video/list/?fields=${fields}`, body);
const query = (token: string, ids: unknown[], fields = FIELDS) =>
  api(base, token, `/v2/video/query/?fields=${fields}`, { filters: { video_ids: ids } });
const addVideo = async (username: string, body: Record<string, unknown>) =>
  (await control<{ id: string }>(base, "POST", `/users/${username}/videos`, body)).body.id;
const clock = (now: number) => control(base, "PUT", "/clock", { now });

/** Publishes a small public video through Content Posting and returns its publish id. */
async function publish(token: string, title: string) {
  const bytes = Buffer.from(syntheticMp4(50_000, 3));
  const source_info = { source: "FILE_UPLOAD", video_size: bytes.length, chunk_size: bytes.length, total_chunk_count: 1 };
  const post_info = { privacy_level: "PUBLIC_TO_EVERYONE", brand_content_toggle: false, title };
  const init = await api(base, token, "/v2/post/publish/video/init/", { post_info, source_info });
  await putChunk(String(init.body.data.upload_url), { first: 0, last: bytes.length - 1, total: bytes.length }, bytes);
  const publishId = String(init.body.data.publish_id);
  await waitFor(async () => (await record(base)).publishes.find((p) => p.publish_id === publishId && p.status === "PUBLISH_COMPLETE"));
  return publishId;
}

describe("user/info", () => {
  it("answers every documented field when every scope was granted, stats as set through the control API", async () => {
    await control(base, "PUT", "/users/jane", { bio: "I film sunsets", isVerified: true });
    await control(base, "PUT", "/users/jane/stats", { follower_count: 1200, following_count: 80, likes_count: 5000 });
    await addVideo("jane", { title: "public" });
    await addVideo("jane", { title: "private", is_public: false });
    const fields =
      "open_id,union_id,avatar_url,avatar_url_100,avatar_large_url,display_name,username,bio_description,profile_deep_link,is_verified,follower_count,following_count,likes_count,video_count";
    const res = await api(base, jane.accessToken, `/v2/user/info/?fields=${fields}`);
    expect(res.body.error.code).toBe("ok");
    const user = res.body.data.user as Record<string, unknown>;
    expect(Object.keys(user).sort()).toEqual(fields.split(",").sort());
    expect(user).toMatchObject({
      open_id: jane.openId,
      display_name: "Jane",
      username: "jane",
      bio_description: "I film sunsets",
      is_verified: true,
      follower_count: 1200,
      following_count: 80,
      likes_count: 5000,
      video_count: 1, // public posts only
    });
    expect(String(user.avatar_url)).toMatch(new RegExp(`^${base}/cdn/avatar/${jane.openId}/v1/168\\.jpeg\\?x-expires=\\d+&x-signature=`));
  });

  it("refuses a stats field without user.info.stats with scope_permission_missed", async () => {
    const basic = await connect(base, "old.account", "user.info.basic,video.publish,video.upload");
    const res = await api(base, basic.accessToken, "/v2/user/info/?fields=open_id,follower_count");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("scope_permission_missed");
    expect(res.body.error.message).toContain("follower_count");
  });

  it("signs avatar URLs that expire, and changes the path when the creator changes the picture", async () => {
    const url = (await api(base, jane.accessToken, "/v2/user/info/?fields=avatar_url")).body.data.user as { avatar_url: string };
    const image = await fetch(url.avatar_url);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expect([...new Uint8Array(await image.arrayBuffer()).slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    await control(base, "PUT", "/users/jane", { avatarVersion: 2 });
    const changed = (await api(base, jane.accessToken, "/v2/user/info/?fields=avatar_url")).body.data.user as { avatar_url: string };
    expect(new URL(changed.avatar_url).pathname).toBe(`/cdn/avatar/${jane.openId}/v2/168.jpeg`);
    await clock(T0 + 2 * 3600_000 + 1000);
    expect((await fetch(url.avatar_url)).status).toBe(403);
    expect((await fetch(`${url.avatar_url.split("&x-signature=")[0]}&x-signature=00`)).status).toBe(403);
  });
});

describe("video/list", () => {
  it("pages the caller's public videos newest first with cursor and has_more, ids as strings", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await addVideo("jane", { title: `clip ${i}`, create_time: T0 / 1000 - 3600 * (12 - i) }));
    await addVideo("jane", { title: "only me", is_public: false });
    const bob = await connect(base, "bob", ALL);
    await addVideo("bob", { title: "bob's" });

    const first = await list(jane.accessToken, {});
    expect(first.body.error.code).toBe("ok");
    const page1 = first.body.data as { videos: { id: string; title: string }[]; cursor: number; has_more: boolean };
    expect(page1.videos.map((v) => v.id)).toEqual(ids.slice(2).reverse()); // default max_count 10
    expect(page1.videos.every((v) => typeof v.id === "string" && /^\d{19}$/.test(v.id))).toBe(true);
    expect(first.text).toContain(`"id":"${ids[11]}"`);
    expect(page1.has_more).toBe(true);
    const second = (await list(jane.accessToken, { cursor: page1.cursor, max_count: 20 })).body.data as typeof page1;
    expect(second.videos.map((v) => v.id)).toEqual([ids[1], ids[0]]);
    expect(second.has_more).toBe(false);
    // A timestamp of one's own works as a cursor: videos posted before it.
    const before = (await list(jane.accessToken, { cursor: T0 - 10.5 * 3600_000, max_count: 20 })).body.data as typeof page1;
    expect(before.videos.map((v) => v.id)).toEqual([ids[1], ids[0]]);
    expect(((await list(bob.accessToken, {})).body.data as typeof page1).videos.map((v) => v.title)).toEqual(["bob's"]);
  });

  it("requires fields, max_count within 1–20 and the video.list scope", async () => {
    expect((await list(jane.accessToken, {}, "")).body.error).toMatchObject({ code: "invalid_params", message: "fields is required." });
    expect((await list(jane.accessToken, {}, "id,plays")).body.error.code).toBe("invalid_params");
    for (const max_count of [0, 21]) {
      const res = await list(jane.accessToken, { max_count });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_params");
    }
    const noList = await connect(base, "nolist", "user.info.basic,video.publish");
    const res = await list(noList.accessToken, {});
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("scope_not_authorized");
  });

  it("shows a published public post even when TikTok leaves publicaly_available_post_id empty", async () => {
    await control(base, "PATCH", "/config", { omitPublicPostId: true });
    const publishId = await publish(jane.accessToken, "Sunset #sky");
    const status = await api(base, jane.accessToken, "/v2/post/publish/status/fetch/", { publish_id: publishId });
    expect(status.body.data).toMatchObject({ status: "PUBLISH_COMPLETE", publicaly_available_post_id: [] });
    const { videos } = (await list(jane.accessToken, {})).body.data as { videos: { id: string; title: string; create_time: number }[] };
    expect(videos).toHaveLength(1);
    expect(videos[0]).toMatchObject({ title: "Sunset #sky", create_time: Math.floor(T0 / 1000) });
    expect((await record(base)).publishes[0]!.post_ids).toEqual([videos[0]!.id]);
  });
});

describe("video/query", () => {
  it("returns only the caller's own public videos among 1–20 string ids, counts growing with the clock", async () => {
    const mine = await addVideo("jane", { title: "mine" });
    const hidden = await addVideo("jane", { title: "private", is_public: false });
    await connect(base, "bob", ALL);
    const bobs = await addVideo("bob", { title: "bob's" });
    const at0 = await query(jane.accessToken, [mine, hidden, bobs, "7000000000000000001"]);
    const videos0 = (at0.body.data as { videos: Record<string, number | string>[] }).videos;
    expect(videos0.map((v) => v.id)).toEqual([mine]);
    expect(videos0[0]!.view_count).toBe(0);
    await clock(T0 + 24 * 3600_000);
    const [day1] = (await query(jane.accessToken, [mine])).body.data.videos as Record<string, number>[];
    expect(day1!.view_count).toBeGreaterThan(0);
    await clock(T0 + 72 * 3600_000);
    const [day3] = (await query(jane.accessToken, [mine])).body.data.videos as Record<string, number>[];
    expect(day3!.view_count).toBeGreaterThan(day1!.view_count!);
    expect(day3!.like_count).toBeGreaterThanOrEqual(day1!.like_count!);
    expect((await record(base, jane.openId)).videoQueries.map((q) => q.video_ids)).toEqual([
      [mine, hidden, bobs, "7000000000000000001"],
      [mine],
      [mine],
    ]);
  });

  it("validates the ids: strings of digits, 1 to 20 of them", async () => {
    const id = await addVideo("jane", { title: "x" });
    for (const ids of [[], Array.from({ length: 21 }, () => id), [Number(id)]]) {
      const res = await query(jane.accessToken, ids);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_params");
    }
  });

  it("serves counts set through the control API, and a cover whose signed URL expires after 6 hours", async () => {
    const id = await addVideo("jane", { title: "x" });
    await control(base, "PUT", `/videos/${id}/metrics`, { view_count: 1234, like_count: 56, comment_count: 7, share_count: 8 });
    await clock(T0 + 3600_000);
    const [video] = (await query(jane.accessToken, [id])).body.data.videos as Record<string, string | number>[];
    expect(video).toMatchObject({ view_count: 1234, like_count: 56, comment_count: 7, share_count: 8 });
    const cover = String(video!.cover_image_url);
    expect((await fetch(cover)).headers.get("content-type")).toBe("image/jpeg");
    await clock(T0 + 3600_000 + 6 * 3600_000 + 1000);
    expect((await fetch(cover)).status).toBe(403);
    const [again] = (await query(jane.accessToken, [id])).body.data.videos as Record<string, string>[];
    expect((await fetch(String(again!.cover_image_url))).status).toBe(200);
  });
});

describe("read limits", () => {
  it("counts 600/min per endpoint for the whole app by default, and answers 429 rate_limit_exceeded beyond it", async () => {
    await control(base, "PATCH", "/config", { limits: { videoQuery: 2 } });
    const bob = await connect(base, "bob", ALL);
    const id = await addVideo("jane", { title: "x" });
    expect((await query(jane.accessToken, [id])).status).toBe(200);
    expect((await query(bob.accessToken, [id])).status).toBe(200);
    const third = await query(jane.accessToken, [id]);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe("rate_limit_exceeded");
    expect((await list(jane.accessToken, {})).status).toBe(200); // each endpoint has its own window
    await clock(T0 + 60_001);
    expect((await query(jane.accessToken, [id])).status).toBe(200);
  });

  it("can count per token instead, and forces 429s on demand", async () => {
    await control(base, "PATCH", "/config", { limits: { videoQuery: 1 }, readLimitScope: "token" });
    const bob = await connect(base, "bob", ALL);
    const id = await addVideo("jane", { title: "x" });
    expect((await query(jane.accessToken, [id])).status).toBe(200);
    expect((await query(bob.accessToken, [id])).status).toBe(200);
    await control(base, "PUT", "/faults", { openId: bob.openId, force429: 1 });
    expect((await list(bob.accessToken, {})).status).toBe(429);
    expect((await list(bob.accessToken, {})).status).toBe(200);
  });
});
