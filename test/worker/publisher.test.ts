// The account publisher's promises: edits and cancels win, duplicates never double-post, TikTok's
// refusals become messages a person understands, tokens are refreshed once, limits are paced.
// Time is driven (world.ts): the clocks move to each alarm, nothing sleeps.

import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import type { AccountPublisher } from "../../src/publishing/account-publisher";
import { connectAccount, emu, emuRecord, rows, schedulePost, signedUpClient, uploadVideo } from "./helpers";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

async function setup() {
  w = await world();
  const client = await signedUpClient(w.fetcher);
  const account = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  return { client, ...account, videoId };
}

const claimOf = async (postId: string) =>
  (await rows<{ claim_token: string; scheduled_at: number }>("SELECT claim_token, scheduled_at FROM posts WHERE id = ?", postId))[0]!;

describe("account publisher", () => {
  it("never publishes a post cancelled before its time", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(2_000) });
    expect(post.status).toBe("queued");
    const claim = await claimOf(post.id);
    const cancel = await client.json(`/api/posts/${post.id}`, undefined, "DELETE");
    expect(cancel.body.post.status).toBe("cancelled");
    // Its time passes, and a late copy of its queue message still reaches the publisher, which must refuse it.
    const stub = await w.publisher(accountId);
    await stub.schedule({ kind: "publish", postId: post.id, accountId, claimToken: claim.claim_token, scheduledAt: claim.scheduled_at });
    await w.deliver();
    await w.advanceTo(Date.parse(post.scheduledAt) + 1_000);
    await w.runAlarms([accountId]);
    expect(await stub.jobs()).toEqual([]);
    expect((await emuRecord(openId)).inits).toHaveLength(0);
    expect((await client.json(`/api/posts/${post.id}`)).body.post.status).toBe("cancelled");
  });

  it("publishes the edited form of a post edited after it was queued", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const post = await schedulePost(client, accountId, videoId, { caption: "old caption", scheduledAt: w.at(2_000) });
    const edited = await client.json(`/api/posts/${post.id}`, { caption: "new caption" }, "PATCH");
    expect(edited.status).toBe(200);
    expect(edited.body.post.version).toBe(post.version + 1);
    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("published");
    const { inits } = await emuRecord(openId);
    expect(inits).toHaveLength(1);
    expect(inits[0].post_info.title).toBe("new caption");
  });

  it("publishes once however often the queue delivers the same claim", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(2_000) });
    const row = await claimOf(post.id);
    const message = { kind: "publish" as const, postId: post.id, accountId, claimToken: row.claim_token, scheduledAt: row.scheduled_at };
    const stub = await w.publisher(accountId);
    await Promise.all([stub.schedule(message), stub.schedule(message), stub.schedule(message)]);
    expect((await w.publish(client, [accountId], [post.id]))[0]).toMatchObject({ post: { status: "published" } });
    // The cron sweeper re-sending the claim later changes nothing either.
    await stub.schedule(message);
    await w.runAlarms([accountId]);
    expect((await emuRecord(openId)).inits).toHaveLength(1);
  });

  it("marks a post unconfirmed, and never inits again, when a run died while TikTok was answering the init", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(3_600_000) });
    await rows("UPDATE posts SET status = 'publishing', claim_token = 'claim-1' WHERE id = ?", post.id);
    const stub = await w.publisher(accountId);
    await stub.schedule({ kind: "publish", postId: post.id, accountId, claimToken: "claim-1", scheduledAt: w.now() });
    await runInDurableObject(stub, async (instance: AccountPublisher, state) => {
      // A run that died while TikTok was answering the init: the job is in `initiating` with its step's lease still held.
      state.storage.sql.exec(
        "UPDATE jobs SET phase = 'initiating', running_since = ?, next_at = ? WHERE post_id = ?",
        w.now(),
        w.now(),
        post.id,
      );
      await instance.alarm();
    });
    const { body } = await client.json(`/api/posts/${post.id}`);
    expect(body.post.status).toBe("unconfirmed");
    expect(body.post.lastError.message).toMatch(/Check the TikTok profile/);
    expect((await emuRecord(openId)).inits).toHaveLength(0);
  });

  it("fails with a clear reason when the chosen privacy level is no longer offered", async () => {
    const { client, accountId, videoId, username, openId } = await setup();
    const post = await schedulePost(client, accountId, videoId, { privacyLevel: "PUBLIC_TO_EVERYONE", scheduledAt: w.at(2_000) });
    await emu(`/__emu/users/${username}`, "PUT", { isPrivate: true }); // public options disappear
    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("failed");
    expect(done!.post.lastError.code).toBe("privacy_level_option_mismatch");
    expect(done!.post.lastError.message).toMatch(/pick who can view it again/);
    expect((await emuRecord(openId)).inits).toHaveLength(0);
  });

  it("fails at once with TikTok's reason when the creator cannot post now", async () => {
    const { client, accountId, videoId, username } = await setup();
    await emu(`/__emu/users/${username}`, "PUT", { cannotPost: "spam_risk_too_many_posts" });
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(2_000) });
    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("failed");
    expect(done!.post.lastError.message).toMatch(/daily posting limit/);
  });

  it("refreshes an expired access token once and still publishes", async () => {
    const { client, accountId, videoId, openId } = await setup();
    await emu("/__emu/faults", "PUT", { openId, expireTokens: true });
    const posts = await Promise.all([0, 1, 2].map(() => schedulePost(client, accountId, videoId, { scheduledAt: w.at(2_000) })));
    const done = await w.publish(
      client,
      [accountId],
      posts.map((p) => p.id),
    );
    expect(done.map((d) => d.post.status)).toEqual(["published", "published", "published"]);
    const record = await emuRecord(openId);
    expect(record.tokenRefreshes).toHaveLength(1);
    expect(record.inits).toHaveLength(3);
  });

  it("asks for a reconnect when the refresh token no longer works, and fails the due post with that reason", async () => {
    const { client, accountId, videoId, username } = await setup();
    await emu(`/__emu/users/${username}/revoke`, "POST", {});
    await rows("UPDATE tiktok_accounts SET access_expires_at = 0 WHERE id = ?", accountId);
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(2_000) });
    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("failed");
    expect(done!.post.lastError.code).toBe("account_needs_reconnect");
    const { body } = await client.json("/api/accounts");
    expect(body.accounts[0].status).toBe("needs_reconnect");
  });

  it("paces ten posts due the same second to TikTok's init limit and publishes all of them", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const at = w.at(2_000);
    const posts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => schedulePost(client, accountId, videoId, { caption: `post ${i}`, scheduledAt: at })),
    );
    const done = await w.publish(
      client,
      [accountId],
      posts.map((p) => p.id),
    );
    expect(done.map((d) => d.post.status)).toEqual(posts.map(() => "published"));
    const record = await emuRecord(openId);
    expect(record.inits).toHaveLength(10);
    expect(record.rejectedInits).toHaveLength(0);
    const window = Number(env.TIKTOK_RATE_WINDOW_MS);
    const times = record.inits.map((i: { at: number }) => i.at).sort((a: number, b: number) => a - b);
    for (let i = 6; i < times.length; i++) expect(times[i] - times[i - 6]).toBeGreaterThanOrEqual(window);
    // The first six start on their second: pacing only delays the posts over the limit.
    expect(times.slice(0, 6).every((t: number) => t - Date.parse(at) < 1_000)).toBe(true);
  });

  it("sends an inbox post to the creator's TikTok inbox and says how to finish it", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const post = await schedulePost(client, accountId, videoId, { mode: "inbox", privacyLevel: null, scheduledAt: w.at(2_000) });
    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("sent_to_inbox");
    expect(done!.events.at(-1)!.message).toMatch(/open the TikTok notification/);
    const { inits } = await emuRecord(openId);
    expect(inits).toEqual([expect.objectContaining({ mode: "inbox", source: "FILE_UPLOAD" })]);
  });

  it("fails with an actionable message when TikTok's media check refuses the video", async () => {
    const { client, accountId, videoId, username } = await setup();
    await emu(`/__emu/users/${username}`, "PUT", { maxVideoPostDurationSec: 1 }); // the video lasts 3 s
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(2_000) });
    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("failed");
    expect(done!.post.lastError).toEqual({
      code: "duration_check_failed",
      message: expect.stringMatching(/longer than this account may post/),
    });
  });

  it("publishes on time a post edited from hours away to a few seconds from now, without waiting for a tick", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(2 * 3_600_000) });
    expect(post.status).toBe("scheduled");
    const at = w.at(2_000);
    const edited = await client.json(`/api/posts/${post.id}`, { scheduledAt: at }, "PATCH");
    expect(edited.body.post.status).toBe("queued");
    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("published");
    const { inits } = await emuRecord(openId);
    expect(inits[0].at).toBe(Date.parse(at));
  });
});
