// Issue 15's promises: at a post's second only its init is sent (everything else was done ahead), yet an edit or a
// cancel until that moment still wins; however many posts share a second, one tick claims and enqueues them all;
// and one post's long upload never holds back another post's init.

import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { runTick } from "../../src/scheduler/tick";
import { connectAccount, emuRecord, rows, schedulePost, signedUpClient, uploadVideo } from "./helpers";
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

/** Runs the account's alarms until its job for the post is prepared (its init written down, waiting for the second). */
async function prepare(accountId: string) {
  const stub = await w.publisher(accountId);
  await w.runAlarms([accountId], async () => (await stub.jobs())[0]?.phase === "initiating");
  return stub;
}

describe("the critical path", () => {
  it("does everything but the init ahead of the second, and sends the init on the second", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const at = w.at(20_000);
    const post = await schedulePost(client, accountId, videoId, { caption: "on the second", scheduledAt: at });
    await prepare(accountId);
    const before = await emuRecord(openId);
    expect(w.now()).toBeLessThan(Date.parse(at));
    expect(before.inits).toHaveLength(0);
    // Creator info was read and the post checked before its second: at the second, TikTok sees only the init.
    const callsBefore = before.calls.length;
    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("published");
    const after = await emuRecord(openId);
    expect(after.inits[0].at).toBe(Date.parse(at));
    const atTheSecond = after.calls.slice(callsBefore).filter((c: { at: number }) => c.at === Date.parse(at));
    const endpoints = atTheSecond.map((c: { endpoint: string }) => c.endpoint);
    // The init is the first thing TikTok hears at the second (its upload follows its answer); no token or creator-info call.
    expect(endpoints[0]).toBe("/v2/post/publish/video/init/");
    expect(endpoints).not.toContain("/v2/post/publish/creator_info/query/");
    expect(endpoints).not.toContain("/v2/oauth/token/");
  });

  it("publishes the edited form of a post edited 100 ms before its second, on its second", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const at = w.at(20_000);
    const post = await schedulePost(client, accountId, videoId, { caption: "first draft", scheduledAt: at });
    await prepare(accountId);
    await w.advanceTo(Date.parse(at) - 100);
    const edited = await client.json(`/api/posts/${post.id}`, { caption: "final words" }, "PATCH");
    expect(edited.status).toBe(200);
    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("published");
    const { inits } = await emuRecord(openId);
    expect(inits.map((i: { post_info: { title: string } }) => i.post_info.title)).toEqual(["final words"]);
    expect(inits[0].at).toBe(Date.parse(at));
  });

  it("sends nothing for a post cancelled 100 ms before its second", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const at = w.at(20_000);
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: at });
    const stub = await prepare(accountId);
    await w.advanceTo(Date.parse(at) - 100);
    expect((await client.json(`/api/posts/${post.id}`, undefined, "DELETE")).body.post.status).toBe("cancelled");
    await w.advanceTo(Date.parse(at) + 60_000);
    expect(await stub.jobs()).toEqual([]);
    expect((await emuRecord(openId)).inits).toHaveLength(0);
  });

  it("refuses an edit once the init is being sent, and leaves the post to its publish", async () => {
    const { client, accountId, videoId } = await setup();
    const at = w.at(20_000);
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: at });
    const stub = await prepare(accountId);
    // The send is under way: the job's step holds its lease.
    await runInDurableObject(stub, (_i, state) => {
      state.storage.sql.exec("UPDATE jobs SET running_since = ? WHERE post_id = ?", w.now(), post.id);
    });
    const edit = await client.json(`/api/posts/${post.id}`, { caption: "too late" }, "PATCH");
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("post_not_editable");
    const cancel = await client.json(`/api/posts/${post.id}`, undefined, "DELETE");
    expect(cancel.body.error.code).toBe("post_not_cancellable");
    expect((await rows<{ status: string; caption: string }>("SELECT status, caption FROM posts WHERE id = ?", post.id))[0]).toMatchObject({
      status: "queued",
    });
  });

  it("sends nothing for a prepared post whose account is disconnected before its second", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const at = w.at(20_000);
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: at });
    const stub = await prepare(accountId);
    expect((await client.json(`/api/accounts/${accountId}`, undefined, "DELETE")).status).toBe(200);
    // Withdrawn from its Durable Object at once: nothing prepared is left to go out at the second.
    expect(await stub.jobs()).toEqual([]);
    await w.advanceTo(Date.parse(at) + 60_000);
    await w.runAlarms([accountId]);
    expect((await emuRecord(openId)).inits).toHaveLength(0);
    expect((await client.json(`/api/posts/${post.id}`)).body.post.status).toBe("cancelled");
  });

  it("gives a withdrawn post's reserved init slot back to the account", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const at = w.at(20_000);
    const posts = [];
    for (let i = 0; i < 6; i++) posts.push(await schedulePost(client, accountId, videoId, { caption: `p${i}`, scheduledAt: at }));
    await prepare(accountId);
    await w.runAlarms([accountId], async () => (await (await w.publisher(accountId)).jobs()).every((j) => j.phase === "initiating"));
    await client.json(`/api/posts/${posts[0]!.id}`, undefined, "DELETE");
    const late = await schedulePost(client, accountId, videoId, { caption: "seventh", scheduledAt: at });
    const done = await w.publish(
      client,
      [accountId],
      [...posts.slice(1), late].map((p) => p.id),
    );
    expect(done.map((d) => d.post.status)).toEqual(Array(6).fill("published"));
    // Six inits in the window, all on the second: the cancelled post's slot went to the seventh.
    expect((await emuRecord(openId)).inits.map((i: { at: number }) => i.at)).toEqual(Array(6).fill(Date.parse(at)));
  });
});

describe("the top-of-the-hour spike", () => {
  it("claims and enqueues 2,500 posts due the same second in one tick, each ahead of its second", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const { accountId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client);
    const workspaceId = (await rows<{ workspace_id: string }>("SELECT workspace_id FROM tiktok_accounts WHERE id = ?", accountId))[0]!
      .workspace_id;
    const due = Date.parse(w.at(50_000));
    await insertScheduled(workspaceId, accountId, videoId, due, 2_500);
    const result = await runTick(database(env.DB), w.env, w.now());
    expect(result.claimed).toBe(2_500);
    const messages = w.publishMessages().map((m) => m.body as { postId: string; scheduledAt: number });
    expect(new Set(messages.map((m) => m.postId)).size).toBe(2_500);
    for (const m of w.publishMessages()) expect(w.now() + (m.delaySeconds ?? 0) * 1000).toBeLessThan(due);
    expect((await rows<{ n: number }>("SELECT count(*) AS n FROM posts WHERE account_id = ? AND status = 'queued'", accountId))[0]!.n).toBe(
      2_500,
    );
  });
});

/** Bulk rows straight into D1 (the spike is about the tick, not about creating posts one request at a time). */
async function insertScheduled(workspaceId: string, accountId: string, videoId: string, at: number, n: number) {
  const statements = [];
  for (let i = 0; i < n; i += 10) {
    const values = Array.from(
      { length: Math.min(10, n - i) },
      (_, k) => `('spike_${i + k}_${at}', ?, ?, ?, 'direct', 'SELF_ONLY', ${at}, 'UTC', 'scheduled', ${at}, ${at})`,
    );
    const binds = values.flatMap(() => [workspaceId, accountId, videoId]);
    statements.push(
      env.DB.prepare(
        `INSERT INTO posts (id, workspace_id, account_id, video_id, mode, privacy_level, scheduled_at, timezone, status, created_at, updated_at) VALUES ${values.join(", ")}`,
      ).bind(...binds),
    );
  }
  await env.DB.batch(statements);
}
