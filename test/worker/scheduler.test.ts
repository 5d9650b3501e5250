// The cron side: each due post is claimed once and sent to start on its own second; late ones are caught
// up or become `missed`; pre-flight warns ahead of time; the sweeper resolves posts stuck publishing.

import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { database } from "../../src/db/client";
import worker from "../../src/index";
import { claimDuePosts, enqueue, publishMessage } from "../../src/scheduler/claim";
import { STUCK_AFTER_MS, sweepStuckPublishing } from "../../src/scheduler/sweeper";
import { runTick } from "../../src/scheduler/tick";
import { mp4DurationSec } from "../../src/videos/mp4-duration";
import { syntheticMp4 } from "../fixtures/synthetic-mp4";
import { connectAccount, emu, inSeconds, schedulePost, signedUpClient, uploadVideo } from "./helpers";

async function farFuturePosts(n: number) {
  const client = await signedUpClient();
  const { accountId, username } = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  const posts = [];
  for (let i = 0; i < n; i++) posts.push(await schedulePost(client, accountId, videoId, { scheduledAt: inSeconds(3 * 3600 + i) }));
  return { client, accountId, videoId, username, posts };
}

const setScheduledAt = (postId: string, at: number) =>
  env.DB.prepare("UPDATE posts SET scheduled_at = ? WHERE id = ?").bind(at, postId).run();

describe("cron claim", () => {
  it("claims a due post exactly once even when two ticks race", async () => {
    const { posts } = await farFuturePosts(3);
    const now = Date.now();
    for (const p of posts) await setScheduledAt(p.id, now + 30_000);
    const db = database(env.DB);
    const [a, b] = await Promise.all([claimDuePosts(db, now, now + 65_000), claimDuePosts(db, now, now + 65_000)]);
    expect([...a, ...b].map((p) => p.id).sort()).toEqual(posts.map((p) => p.id).sort());
    expect(a.length === 0 || b.length === 0).toBe(true);
  });

  it("does not claim posts due after the window", async () => {
    const { posts } = await farFuturePosts(1);
    const now = Date.now();
    expect(await claimDuePosts(database(env.DB), now, now + 65_000)).toEqual([]);
    const row = await env.DB.prepare("SELECT status FROM posts WHERE id = ?").bind(posts[0]!.id).first<string>("status");
    expect(row).toBe("scheduled");
  });

  it("sends every message for delivery at once, in batches of at most 100 messages and 256 KB", async () => {
    const sent: { delaySeconds?: number; body: unknown }[][] = [];
    const queue = { sendBatch: async (batch: { delaySeconds?: number; body: unknown }[]) => void sent.push(batch) } as unknown as Queue;
    const now = 1_700_000_000_000;
    const long = "🎬".repeat(1_100); // a 2,200-unit caption: a message of several KB
    const video = { id: "v", r2Key: "k", size: 1, contentType: "video/mp4" };
    const flags = {
      disableComment: false,
      disableDuet: false,
      disableStitch: false,
      brandContent: false,
      brandOrganic: false,
      isAigc: false,
    };
    const messages = Array.from({ length: 150 }, (_, i) => ({
      ...publishMessage({ id: `p${i}`, account_id: "a", claim_token: "c", scheduled_at: now + i * 400 + 999 }),
      post: { mode: "direct" as const, caption: i < 100 ? "short" : long, privacyLevel: "SELF_ONLY", ...flags, video },
    }));
    await enqueue(queue, messages);
    expect(sent.flat()).toHaveLength(150);
    expect(sent[0]).toHaveLength(100);
    for (const batch of sent) {
      expect(batch.length).toBeLessThanOrEqual(100);
      expect(new TextEncoder().encode(JSON.stringify(batch.map((m) => m.body))).byteLength).toBeLessThan(256_000);
      for (const m of batch) expect(m.delaySeconds ?? 0).toBe(0);
    }
  });

  it("records the tick so health can tell the scheduler is alive", async () => {
    const now = Date.now();
    await runTick(database(env.DB), env, now);
    const client = await signedUpClient();
    const health = await client.json("/api/health");
    expect(health.body).toMatchObject({ lastTickAt: new Date(now).toISOString(), tickOverdue: false });
  });

  it("shows the scheduler as a problem when no tick has run for over 3 minutes, with overdue posts counted", async () => {
    const { client, posts } = await farFuturePosts(1);
    await runTick(database(env.DB), env, Date.now() - 4 * 60_000);
    await setScheduledAt(posts[0]!.id, Date.now() - 2 * 60_000);
    const { body } = await client.json("/api/health");
    expect(body).toMatchObject({ ok: false, tickOverdue: true, overduePosts: 1 });
    expect(body.problems).toEqual(["The scheduler has not run for over 3 minutes", "1 post(s) are overdue"]);
  });

  it("marks posts past their late policy as missed, and leaves them for the user to decide", async () => {
    const { client, posts } = await farFuturePosts(1);
    await env.DB.prepare("UPDATE posts SET scheduled_at = ?, late_policy_minutes = 30 WHERE id = ?")
      .bind(Date.now() - 31 * 60_000, posts[0]!.id)
      .run();
    const result = await runTick(database(env.DB), env, Date.now());
    expect(result.missed).toBe(1);
    const { body } = await client.json(`/api/posts/${posts[0]!.id}`);
    expect(body.post.status).toBe("missed");
    // The user decides: rescheduling brings it back.
    const again = await client.json(`/api/posts/${posts[0]!.id}`, { scheduledAt: inSeconds(7200) }, "PATCH");
    expect(again.body.post.status).toBe("scheduled");
  });
});

describe("pre-flight", () => {
  it("warns ten minutes ahead when the account can no longer post with the chosen privacy level", async () => {
    const { client, accountId, username, posts } = await farFuturePosts(1);
    await client.json(`/api/posts/${posts[0]!.id}`, { privacyLevel: "PUBLIC_TO_EVERYONE" }, "PATCH");
    await emu(`/__emu/users/${username}`, "PUT", { isPrivate: true });
    const problems = await env.ACCOUNT_PUBLISHER.getByName(accountId).preflight({
      kind: "preflight",
      postId: posts[0]!.id,
      accountId,
      scheduledAt: Date.now() + 600_000,
    });
    expect(problems).toHaveLength(1);
    const { body } = await client.json(`/api/posts/${posts[0]!.id}`);
    expect(body.post.warning).toMatch(/pick who can view it again/);
    expect(body.events.at(-1).type).toBe("preflight_warning");
  });

  it("warns when the video is longer than the account may post", async () => {
    const client = await signedUpClient();
    const { accountId, username } = await connectAccount(client);
    await emu(`/__emu/users/${username}`, "PUT", { maxVideoPostDurationSec: 60 });
    const { videoId } = await uploadVideo(client, syntheticMp4(300_000, 90));
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: inSeconds(3 * 3600) });
    const problems = await env.ACCOUNT_PUBLISHER.getByName(accountId).preflight({
      kind: "preflight",
      postId: post.id,
      accountId,
      scheduledAt: 0,
    });
    expect(problems).toEqual(["The video lasts 90 s but this account may post at most 60 s."]);
  });

  it("passes a post that can go out, and says so on its timeline", async () => {
    const { client, accountId, posts } = await farFuturePosts(1);
    expect(
      await env.ACCOUNT_PUBLISHER.getByName(accountId).preflight({ kind: "preflight", postId: posts[0]!.id, accountId, scheduledAt: 0 }),
    ).toEqual([]);
    const { body } = await client.json(`/api/posts/${posts[0]!.id}`);
    expect(body.post.warning).toBeNull();
    expect(body.events.at(-1).type).toBe("preflight_ok");
  });

  it("is sent by the tick for posts due ten minutes later", async () => {
    const { posts } = await farFuturePosts(2);
    const now = Date.now();
    await setScheduledAt(posts[0]!.id, now + 10 * 60_000 + 30_000);
    const spy = vi.spyOn(env.PUBLISH_QUEUE, "sendBatch");
    const result = await runTick(database(env.DB), env, now);
    expect(result.preflighted).toBe(1);
    const sent = spy.mock.calls.flatMap(([batch]) => [...batch]).find((m) => (m.body as { kind: string }).kind === "preflight");
    expect(sent).toMatchObject({ body: { postId: posts[0]!.id }, delaySeconds: 30 });
    spy.mockRestore();
  });
});

describe("sweeper", () => {
  it("resolves a post stuck publishing that its publisher no longer follows as unconfirmed", async () => {
    const { client, posts } = await farFuturePosts(1);
    const now = Date.now();
    await env.DB.prepare("UPDATE posts SET status = 'publishing', updated_at = ? WHERE id = ?")
      .bind(now - STUCK_AFTER_MS - 1, posts[0]!.id)
      .run();
    expect(await sweepStuckPublishing(database(env.DB), env, now)).toBe(1);
    const { body } = await client.json(`/api/posts/${posts[0]!.id}`);
    expect(body.post.status).toBe("unconfirmed");
    expect(body.post.lastError.message).toMatch(/Check the TikTok profile/);
  });
});

describe("mp4 duration", () => {
  it("reads the duration from moov/mvhd with ranged reads", async () => {
    await env.VIDEOS.put("dur/a.mp4", syntheticMp4(50_000, 42.5));
    expect(await mp4DurationSec(env.VIDEOS, "dur/a.mp4", 50_000)).toBe(42.5);
    await env.VIDEOS.put("dur/b.bin", new Uint8Array(1000));
    expect(await mp4DurationSec(env.VIDEOS, "dur/b.bin", 1000)).toBeNull();
  });
});

describe("queue consumers", () => {
  it("marks a post failed with the cause when its message exhausted its retries (dead-letter queue)", async () => {
    const { client, posts } = await farFuturePosts(1);
    const now = Date.now();
    await setScheduledAt(posts[0]!.id, now + 10_000);
    const [claimed] = await claimDuePosts(database(env.DB), now, now + 65_000);
    const batch = createMessageBatch("postflare-publish-dlq", [
      { id: "m1", timestamp: new Date(), attempts: 6, body: publishMessage(claimed!) },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["m1"]);
    const { body } = await client.json(`/api/posts/${posts[0]!.id}`);
    expect(body.post).toMatchObject({ status: "failed", lastError: { code: "dead_lettered" } });
  });

  it("drops a malformed message instead of retrying it for ever", async () => {
    const batch = createMessageBatch("postflare-publish", [
      { id: "bad", timestamp: new Date(), attempts: 1, body: { kind: "publish", postId: 42 } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["bad"]);
    expect(result.retryMessages).toEqual([]);
  });
});
