// Account sync, the post side: readings on the decaying schedule kept as history, a 19-digit id exact at every hop,
// post ids TikTok left empty reconciled from the video list, and "Sync now" (views at once, at most once a minute).
import { afterEach, describe, expect, it } from "vitest";
import { VideoPageData } from "../../src/tiktok/display-schemas";
import { parseJson } from "../../src/tiktok/schemas";
import { Client, connectAccount, emu, emuRecord, rows, signedUpWithToken } from "./helpers";
import { completedAt, nextSyncAt, nextSyncRound, publishPublic, syncRound } from "./sync-world";
import { type World, world } from "./world";

let w: World;
afterEach(async () => {
  await emu("/__emu/config", "PATCH", { omitPublicPostId: false });
  await w?.release();
});

const H = 3_600_000;
const D = 24 * H;
const points = (postId: string) =>
  rows<{ at: number; views: number }>("SELECT at, views FROM post_metric_points WHERE post_id = ? ORDER BY at", postId);

async function setup() {
  w = await world();
  const client = await signedUpWithToken(w.fetcher);
  const account = await connectAccount(client);
  await syncRound(w, [account.accountId]); // the first sync after connecting
  return { client, ...account };
}

describe("post readings", () => {
  it("reads a published post on the decaying schedule (1 h, 6 h, 24 h, 72 h, 7 d, then weekly to 90 d), each reading kept", async () => {
    const { client, accountId } = await setup();
    const post = await publishPublic(w, client, accountId);
    const published = await completedAt(post.id);
    // Every round until the schedule ends: the daily profile syncs run too, and may take a reading early.
    while ((await rows("SELECT 1 FROM post_stats WHERE post_id = ? AND due_at IS NOT NULL", post.id)).length > 0) {
      await nextSyncRound(w, accountId);
    }
    const offsets = [1 * H, 6 * H, D, 3 * D, 7 * D, ...[14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 90].map((d) => d * D)];
    const taken = (await points(post.id)).map((p) => p.at - published);
    expect(taken).toHaveLength(offsets.length);
    // Each reading in its slot: no later than a minute (one tick) after its time, no earlier than 10 % of its offset.
    offsets.forEach((offset, i) => {
      expect(taken[i]).toBeLessThanOrEqual(offset + 60_000);
      expect(taken[i]).toBeGreaterThanOrEqual(offset * 0.9);
    });
    // Views only grow, and the API serves the whole history (90 days on, the person signs in again).
    const email = (
      await rows<{ email: string }>("SELECT u.email FROM users u JOIN posts p ON p.created_by = u.id WHERE p.id = ?", post.id)
    )[0]!.email;
    const again = new Client(w.fetcher);
    expect((await again.json("/api/auth/login", { email, password: "correct horse battery" })).status).toBe(200);
    const { body } = await again.json(`/api/posts/${post.id}/metrics`);
    expect(body.points).toHaveLength(offsets.length);
    const views = body.points.map((p: { views: number }) => p.views);
    expect(views).toEqual([...views].sort((a: number, b: number) => a - b));
    expect(views.at(-1)).toBeGreaterThan(0);
    expect((await again.json(`/api/posts/${post.id}`)).body.post.metrics).toMatchObject({ views: views.at(-1) });
  }, 120_000);

  it("keeps a 19-digit post id exact from TikTok's bare JSON number to D1, the video/query call and the API", async () => {
    const { client, accountId, openId } = await setup();
    const post = await publishPublic(w, client, accountId);
    const [publish] = (await emuRecord(openId)).publishes;
    expect(publish.post_id).toMatch(/^\d{19}$/);
    expect(post.tiktokPostId).toBe(publish.post_id); // status/fetch sent it as a bare number
    await emu(`/__emu/videos/${publish.post_id}/metrics`, "PUT", {
      view_count: 987_654,
      like_count: 4321,
      comment_count: 12,
      share_count: 3,
    });
    await nextSyncRound(w, accountId);
    expect((await emuRecord(openId)).videoQueries.map((q: { video_ids: string[] }) => q.video_ids)).toEqual([[publish.post_id]]);
    const stored = await rows<{ tiktok_post_id: string; t: string }>(
      "SELECT tiktok_post_id, typeof(tiktok_post_id) AS t FROM posts WHERE id = ?",
      post.id,
    );
    expect(stored[0]).toEqual({ tiktok_post_id: publish.post_id, t: "text" });
    const { body } = await client.json(`/api/posts/${post.id}`);
    expect(body.post.tiktokPostId).toBe(publish.post_id);
    expect(body.post.metrics).toMatchObject({ views: 987_654, likes: 4321, comments: 12, shares: 3 });
    // A video object with a bare int64 id (TikTok documents a string, but sends int64s elsewhere) loses no digit either.
    const raw = '{"videos":[{"id":7311111111111111111,"title":"a \\"7311111111111111111\\" caption","view_count":12}],"has_more":false}';
    expect(VideoPageData.parse(parseJson(raw)).videos[0]).toMatchObject({
      id: "7311111111111111111",
      title: 'a "7311111111111111111" caption',
    });
  });

  it("finds the id TikTok left empty in the creator's video list, by create time and caption", async () => {
    const { client, accountId, username } = await setup();
    await emu("/__emu/config", "PATCH", { omitPublicPostId: true });
    // Decoys: the same caption three days earlier, another caption at about the same time.
    await emu(`/__emu/users/${username}/videos`, "POST", { title: "Morning swim", create_time: Math.floor((w.now() - 3 * D) / 1000) });
    const post = await publishPublic(w, client, accountId, "Morning swim");
    expect(post).toMatchObject({ status: "published", tiktokPostId: null });
    await emu(`/__emu/users/${username}/videos`, "POST", { title: "Other clip", create_time: Math.floor(w.now() / 1000) });
    const videos = (await emu(`/__emu/users/${username}/videos`)) as { id: string; title: string; create_time: number }[];
    const ours = videos.find((v) => v.title === "Morning swim" && v.create_time * 1000 >= w.now() - H)!;

    await nextSyncRound(w, accountId); // the 1 h reading
    const { body } = await client.json(`/api/posts/${post.id}`);
    expect(body.post.tiktokPostId).toBe(ours.id);
    expect(body.events.at(-1)).toMatchObject({ type: "post_id_reconciled", message: expect.stringContaining(ours.id) });
    expect(body.post.metrics).not.toBeNull();
  });
});

describe("sync now", () => {
  it("shows a just-published post's views at once, and accepts it at most once a minute per account", async () => {
    const { client, accountId } = await setup();
    const post = await publishPublic(w, client, accountId);
    expect((await client.json(`/api/posts/${post.id}`)).body.post.metrics).toBeNull();

    const first = await client.json(`/api/accounts/${accountId}/sync`, {});
    expect(first.status).toBe(202);
    expect(first.body.sync).toMatchObject({ status: "ok", nextAt: new Date(w.now()).toISOString() });
    await w.runAlarms([accountId]);
    const { body } = await client.json(`/api/posts/${post.id}`);
    expect(body.post.metrics).toMatchObject({ syncedAt: new Date(w.now()).toISOString() });
    expect(body.post.coverUrl).toBe(`/api/posts/${post.id}/cover`);
    const cover = await client.fetch(body.post.coverUrl);
    expect([cover.status, cover.headers.get("content-type"), cover.headers.get("x-content-type-options")]).toEqual([
      200,
      "image/jpeg",
      "nosniff",
    ]);
    expect((await client.json(`/api/posts/${post.id}/metrics`)).body.points).toHaveLength(1);

    await w.advanceTo(w.now() + 20_000);
    const again = await client.fetch(`/api/accounts/${accountId}/sync`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after")).toBe("40");
    expect(((await again.json()) as any).error.code).toBe("sync_too_soon");
    await w.advanceTo(w.now() + 40_000);
    expect((await client.json(`/api/accounts/${accountId}/sync`, {})).status).toBe(202);
    const stranger = await signedUpWithToken(w.fetcher);
    expect((await stranger.json(`/api/accounts/${accountId}/sync`, {})).status).toBe(404);
  });

  it("counts a sync now as the day's profile sync: the next one comes about a day later", async () => {
    const { client, accountId } = await setup();
    await w.advanceTo(w.now() + 6 * H);
    expect((await client.json(`/api/accounts/${accountId}/sync`, {})).status).toBe(202);
    await w.runAlarms([accountId]);
    const next = (await nextSyncAt(accountId))!;
    expect(next).toBeGreaterThanOrEqual(w.now() + 0.9 * D);
    expect(next).toBeLessThanOrEqual(w.now() + D);
  });
});
