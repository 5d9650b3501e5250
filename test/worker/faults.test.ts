// Fault injection: the real Worker (queue consumer, Durable Objects, D1, R2) against the emulator with faults
// switched on per TikTok user. Every scenario ends by checking the emulator's own ledger: one accepted
// init per post, nothing completed twice, and the bytes TikTok received are the bytes we stored.
// Time is driven (world.ts) except in the two scenarios that need a Durable Object to die mid-request.

import { abortAllDurableObjects } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { syntheticMp4 } from "../fixtures/synthetic-mp4";
import {
  type Client,
  connectAccount,
  emu,
  emuRecord,
  inSeconds,
  schedulePost,
  settled,
  sha256Hex,
  signedUpClient,
  uploadVideo,
} from "./helpers";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

type Ledger = {
  inits: { publish_id: string }[];
  uploads: { publish_id: string; sha256: string; chunks: number }[];
  publishes: { publish_id: string; status: string; completeCount: number }[];
  tokenRefreshes: unknown[];
};

/** The promises every fault scenario must keep, read from TikTok's side. */
async function expectExactlyOnce(openId: string, posts: { publishId: string | null }[], videoSha: string) {
  const ledger: Ledger = await emuRecord(openId);
  const ours = posts.map((p) => p.publishId);
  expect(ours.every(Boolean)).toBe(true);
  expect(ledger.inits.map((i) => i.publish_id).sort()).toEqual([...ours].sort());
  for (const publish of ledger.publishes) expect(publish.completeCount).toBeLessThanOrEqual(1);
  expect(ledger.publishes.filter((p) => p.status === "PUBLISH_COMPLETE")).toHaveLength(posts.length);
  for (const upload of ledger.uploads) expect(upload.sha256).toBe(videoSha);
  return ledger;
}

async function account(client: Client) {
  const connected = await connectAccount(client);
  return connected;
}

describe("fault injection", () => {
  it("publishes 50 posts across 5 accounts exactly once with 20% of TikTok calls failing with 5xx", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const { videoId, bytes } = await uploadVideo(client);
    const sha = await sha256Hex(bytes);
    const accounts = await Promise.all([1, 2, 3, 4, 5].map(() => account(client)));
    for (const a of accounts) await emu("/__emu/faults", "PUT", { openId: a.openId, errorRate5xx: 0.2 });
    const at = w.at(3_000);
    const posts = await Promise.all(
      accounts.flatMap((a) =>
        Array.from({ length: 10 }, (_, i) =>
          schedulePost(client, a.accountId, videoId, { caption: `${a.username} #${i}`, scheduledAt: at }),
        ),
      ),
    );
    const results = await w.publish(
      client,
      accounts.map((a) => a.accountId),
      posts.map((p) => p.id),
    );
    expect(results.map((r) => r.post.status)).toEqual(posts.map(() => "published"));
    for (const a of accounts) {
      const mine = results.filter((r) => r.post.accountId === a.accountId).map((r) => r.post);
      await expectExactlyOnce(a.openId, mine, sha);
    }
  });

  it("catches up posts missed while cron was silent for 10 minutes, within one tick", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const a = await account(client);
    const { videoId, bytes } = await uploadVideo(client);
    const due = [9, 8, 7].map((m) => w.at(m * 60_000));
    const posts = await Promise.all(due.map((at) => schedulePost(client, a.accountId, videoId, { scheduledAt: at })));
    const tooLate = await schedulePost(client, a.accountId, videoId, { scheduledAt: w.at(7 * 60_000), latePolicyMinutes: 5 });
    // The outage: ten minutes pass with no tick.
    await w.advanceTo(w.now() + 17 * 60_000);
    await w.tick();
    const results = await w.publish(
      client,
      [a.accountId],
      posts.map((p) => p.id),
    );
    expect(results.map((r) => r.post.status)).toEqual(["published", "published", "published"]);
    const missed = (await client.json(`/api/posts/${tooLate.id}`)).body;
    expect(missed.post.status).toBe("missed");
    expect(missed.post.lastError.message).toMatch(/late policy/);
    await expectExactlyOnce(
      a.openId,
      results.map((r) => r.post),
      await sha256Hex(bytes),
    );
  });

  it("resumes the upload without a second init when the publisher dies between init and upload (real time)", async () => {
    const client = await signedUpClient();
    const a = await account(client);
    const { videoId, bytes } = await uploadVideo(client);
    await emu("/__emu/faults", "PUT", { openId: a.openId, latencyMs: 800 });
    const post = await schedulePost(client, a.accountId, videoId, { scheduledAt: inSeconds(1) });
    await vi.waitFor(async () => expect((await emuRecord(a.openId)).inits).toHaveLength(1), { timeout: 15_000, interval: 50 });
    await new Promise((r) => setTimeout(r, 150)); // the first chunk is in flight now
    await abortAllDurableObjects();
    await emu(`/__emu/faults?openId=${a.openId}`, "DELETE");
    const done = await settled(client, post.id);
    expect(done.post.status, JSON.stringify(done.events.map((e) => `${e.type}: ${e.message}`))).toBe("published");
    await expectExactlyOnce(a.openId, [done.post], await sha256Hex(bytes));
  });

  it("refreshes a token that expires mid-upload and publishes", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const a = await account(client);
    const { videoId, bytes } = await uploadVideo(client);
    // The first chunk's connection drops, so the upload is still under way when the alarm run ends.
    await emu("/__emu/faults", "PUT", { openId: a.openId, dropConnectionMidChunk: 1 });
    const post = await schedulePost(client, a.accountId, videoId, { scheduledAt: w.at(1_000) });
    await w.deliver();
    // Run until TikTok accepted the init and the upload is under way, then let the access token expire.
    const publisher = await w.publisher(a.accountId);
    await w.runAlarms([a.accountId], async () => (await publisher.jobs())[0]?.phase === "uploading");
    expect((await emuRecord(a.openId)).inits).toHaveLength(1);
    await emu("/__emu/faults", "PUT", { openId: a.openId, expireTokens: true });
    const [done] = await w.publish(client, [a.accountId], [post.id]);
    expect(done!.post.status).toBe("published");
    const ledger = await expectExactlyOnce(a.openId, [done!.post], await sha256Hex(bytes));
    expect(ledger.tokenRefreshes).toHaveLength(1);
  });

  it("resends only the chunk whose connection dropped, and TikTok receives the exact bytes", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const a = await account(client);
    const video = syntheticMp4(70_000_000, 20, 7); // > 64 MB: multi-chunk (7 × 10 MB)
    const { videoId } = await uploadVideo(client, video);
    await emu("/__emu/faults", "PUT", { openId: a.openId, dropConnectionMidChunk: 1 });
    const post = await schedulePost(client, a.accountId, videoId, { scheduledAt: w.at(1_000) });
    const [done] = await w.publish(client, [a.accountId], [post.id]);
    expect(done!.post.status).toBe("published");
    expect(done!.events.some((e) => e.type === "retrying" && /Chunk 1 of 7/.test(e.message))).toBe(true);
    const ledger = await expectExactlyOnce(a.openId, [done!.post], await sha256Hex(video));
    expect(ledger.uploads[0]!.chunks).toBe(7);
  });

  it("waits out forced 429s on init and publishes once", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const a = await account(client);
    const { videoId, bytes } = await uploadVideo(client);
    await emu("/__emu/faults", "PUT", { openId: a.openId, force429: 2 });
    const post = await schedulePost(client, a.accountId, videoId, { scheduledAt: w.at(1_000) });
    const [done] = await w.publish(client, [a.accountId], [post.id]);
    expect(done!.post.status).toBe("published");
    expect(done!.events.some((e) => e.type === "rate_limited")).toBe(true);
    // TikTok's window is waited out: the init went through a full window after the first refusal.
    const at = (type: string) => Date.parse(done!.events.find((e) => e.type === type)!.at);
    expect(at("init_accepted") - at("rate_limited")).toBeGreaterThanOrEqual(Number(env.TIKTOK_RATE_WINDOW_MS));
    await expectExactlyOnce(a.openId, [done!.post], await sha256Hex(bytes));
  });
});
