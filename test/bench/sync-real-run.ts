// Benchmark 8, part d: one real account with published posts (videos on its emulated profile, posts in D1), and one
// sync run of it as the queue consumer hands it to its Durable Object, with the object's D1 handle metered.
import { runInDurableObject } from "cloudflare:test";
import type { AccountPublisher } from "../../src/publishing/account-publisher";
import { connectAccount, emu, env, signedUpClient, sleep, uploadVideo } from "./helpers";
import { type Entry, meteredDb, totals } from "./sync-fixtures";

/** A real account (OAuth through the emulator) with `posts` published public posts, one every 3 days back. */
export async function realAccount(now: number, posts: number) {
  const client = await signedUpClient();
  const { accountId, username, openId } = await connectAccount(client);
  const videoId = await uploadVideo(client);
  const ws = (await env.DB.prepare("SELECT workspace_id FROM tiktok_accounts WHERE id = ?").bind(accountId).first<string>("workspace_id"))!;
  for (let p = 0; p < posts; p++) {
    const createTime = Math.floor((now - (p + 1) * 3 * 86_400_000) / 1000);
    const video = await emu(`/__emu/users/${username}/videos`, "POST", { title: `clip ${p}`, create_time: createTime });
    await env.DB.prepare(
      "INSERT INTO posts (id, workspace_id, account_id, video_id, caption, privacy_level, mode, scheduled_at, completed_at, timezone, status, tiktok_post_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PUBLIC_TO_EVERYONE', 'direct', ?, ?, 'UTC', 'published', ?, ?, ?)",
    )
      .bind(`post_real_${accountId}_${p}`, ws, accountId, videoId, `clip ${p}`, createTime * 1000, createTime * 1000, video.id, now, now)
      .run();
  }
  return { accountId, openId };
}

/** Runs one sync of the account in its Durable Object (as the queue consumer hands it), metered; waits for the end. */
export async function measuredRun(accountId: string, openId: string, full: boolean) {
  const stub = env.ACCOUNT_PUBLISHER.getByName(accountId);
  const log: Entry[] = [];
  await runInDurableObject(stub, (instance: AccountPublisher) => {
    const swap = instance as unknown as { db: unknown; tokens: unknown };
    swap.db = meteredDb(log);
    swap.tokens = null;
  });
  const before = (await emu(`/__emu/record?openId=${openId}`)).calls.length;
  const started = performance.now();
  await stub.sync({ kind: "sync", accountId, full, reason: full ? "manual" : "scheduled" });
  for (;;) {
    const open = await runInDurableObject(
      stub,
      (_i, state) => state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM sync_runs").one().n,
    );
    if (open === 0) break;
    await sleep(10);
  }
  const wallMs = +(performance.now() - started).toFixed(0);
  const calls: Record<string, number> = {};
  for (const c of (await emu(`/__emu/record?openId=${openId}`)).calls.slice(before)) calls[c.endpoint] = (calls[c.endpoint] ?? 0) + 1;
  return { wallMs, tiktokCalls: calls, d1: totals(log) };
}
