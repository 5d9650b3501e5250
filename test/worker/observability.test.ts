// What an operator sees: every publish records its start lateness and outcome, TikTok's 429s and our retries are
// counted, each tick records its cost, and /api/health shows the last hour of those same points.
import { afterEach, describe, expect, it } from "vitest";
import { connectAccount, emu, rows, schedulePost, signedUpClient, uploadVideo } from "./helpers";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

type Point = { name: string; value: number; label: string | null; post_id: string | null };
const pointsFor = (postId: string) =>
  rows<Point>("SELECT name, value, label, post_id FROM metric_points WHERE post_id = ? ORDER BY id", postId);

describe("recorded figures", () => {
  it("records each publish's start lateness and outcome, and TikTok's 429s (one met while preparing costs nothing)", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const { accountId, openId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client);
    await emu("/__emu/faults", "PUT", { openId, force429: 1 });
    const early = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(20_000) });
    const onTime = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(3_600_000) });
    await w.publish(client, [accountId], [early.id]);
    expect(await pointsFor(early.id)).toEqual([
      expect.objectContaining({ name: "tiktok_429", label: "init" }),
      expect.objectContaining({ name: "start_lateness_ms", label: "FILE_UPLOAD" }),
      expect.objectContaining({ name: "outcome", label: "published", value: 1 }),
    ]);
    // The 429 came while the post was being prepared, 5 s ahead: TikTok's window (3 s here) was waited out in time.
    expect((await pointsFor(early.id)).find((p) => p.name === "start_lateness_ms")!.value).toBe(0);
    await w.advanceTo(Date.parse(onTime.scheduledAt) - 30_000);
    await w.tick();
    await w.publish(client, [accountId], [onTime.id]);
    expect((await pointsFor(onTime.id)).find((p) => p.name === "start_lateness_ms")!.value).toBe(0);
  });

  it("shows the last hour's start lateness and outcomes on the health page, and records each tick's cost", async () => {
    // An hour of its own, away from the other tests' points.
    w = await world(Math.ceil((Date.now() + 30 * 24 * 3_600_000) / 1000) * 1000);
    const client = await signedUpClient(w.fetcher);
    const { accountId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client);
    const posts = [];
    for (let i = 0; i < 3; i++) posts.push(await schedulePost(client, accountId, videoId, { scheduledAt: w.at(120_000 + i * 1_000) }));
    await w.advanceTo(Date.parse(posts[0]!.scheduledAt) - 60_000);
    await w.tick();
    await w.publish(
      client,
      [accountId],
      posts.map((p) => p.id),
    );
    const { body } = await client.json("/api/health");
    expect(body.lastHour).toMatchObject({ starts: 3, startLatenessMs: { p50: 0, p99: 0, max: 0 }, outcomes: { published: 3 } });
    // Tick figures are operators' (Analytics Engine, across workspaces): recorded, not shown to a member.
    const ticks = await rows<{ name: string; value: number }>(
      "SELECT name, value FROM metric_points WHERE name LIKE 'tick_%' AND at = ?",
      Date.parse(posts[0]!.scheduledAt) - 60_000,
    );
    expect(Object.fromEntries(ticks.map((t) => [t.name, t.value]))).toMatchObject({ tick_claimed: 3 });
    expect(ticks.find((t) => t.name === "tick_rows_read")!.value).toBeGreaterThan(0);
    expect(ticks.find((t) => t.name === "tick_queries")!.value).toBeGreaterThan(0);
  });
});
