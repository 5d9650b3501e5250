// Benchmark 8 (account sync at scale): 10,000 accounts × 30 published posts.
//  a) TikTok calls per hour against the 600/min budget: the sync's own rules run minute by minute over 7 days
//     (sync-sim.ts), steady state and cold start (every account due at once);
//  b) D1 rows read and written per tick: the real runTick on D1 holding 10,000 accounts, 300,000 posts and their
//     tracking rows, with the accounts due at a steady-state minute and in bursts (D1 meta, metered wrapper);
//  c) time to sync every account once from a cold start, on that D1: real hand-outs, each run's outcome written by the
//     real finishSync, until no account is due;
//  d) one account's run for real (queue message → its Durable Object → the emulator): D1 rows, TikTok calls, wall time,
//     which checks the per-run call counts the simulation assumes.
import { describe, expect, it } from "vitest";
import type { database } from "../../src/db/client";
import { runTick } from "../../src/scheduler/tick";
import { dueReadings, saveReadings } from "../../src/sync/post-stats.repo";
import { finishSync, saveProfile } from "../../src/sync/sync.repo";
import { MAX_SYNCS_PER_TICK, SYNC_LEASE_MS } from "../../src/sync/sync-fanout";
import { DEFAULT_SYNC_CONFIG, nextProfileSync, nextReading, profileDue } from "../../src/sync/sync-schedule";
import { env, report, rng, seedFromEnv } from "./helpers";
import { type Entry, insertScale, meteredDb, totals } from "./sync-fixtures";
import { measuredRun, realAccount } from "./sync-real-run";
import { callFigures, simulate } from "./sync-sim";

const ACCOUNTS = 10_000;
const POSTS = 30;
const MIN = 60_000;
const sink = { send: async () => {}, sendBatch: async () => {} } as unknown as Queue;
const isHandOut = (e: Entry) => /^\s*update "?tiktok_accounts"? set "?next_sync_at"?/i.test(e.sql) && /RETURNING/i.test(e.sql);

/** One real tick at `now`, metered: the whole tick and the sync hand-out statement alone. */
async function meteredTick(now: number) {
  const log: Entry[] = [];
  const started = performance.now();
  const result = await runTick(meteredDb(log), { ...env, PUBLISH_QUEUE: sink }, now);
  const handOut = log.filter(isHandOut);
  return { handedOut: result.synced, wallMs: +(performance.now() - started).toFixed(1), tick: totals(log), handOut: totals(handOut) };
}

/**
 * The D1 work of one scheduled run, done by the repo functions the steps use (TikTok's answers stood in by fixed
 * counts): the profile and the day's stats row when due, the due readings with their next times, the outcome.
 */
async function runWrites(db: ReturnType<typeof database>, id: string, profileDueAt: number | null, t: number, random: () => number) {
  if (profileDue(profileDueAt, t, DEFAULT_SYNC_CONFIG)) {
    const stats = { followers: 1000, following: 10, likes: 5000, videos: POSTS };
    await saveProfile(db, id, { stats, profileDueAt: nextProfileSync(t, DEFAULT_SYNC_CONFIG, random).dueAt }, t);
  }
  const due = await dueReadings(db, id, t, false, null, 20);
  const counts = { views: 100, likes: 9, comments: 1, shares: 0 };
  await saveReadings(
    db,
    due.map((d) => ({ postId: d.postId, counts, next: nextReading(d.publishedAt, t, DEFAULT_SYNC_CONFIG) })),
    t,
  );
  await finishSync(db, id, { status: "ok", error: null, notBefore: t + MIN }, t);
}

/** Every account due at `t0`; a tick a minute, each handed-out account's run written as above, until all ran once. */
async function coldStart(t0: number, random: () => number) {
  await env.DB.prepare("UPDATE tiktok_accounts SET next_sync_at = ?, profile_due_at = NULL WHERE id LIKE 'acc_sb%'").bind(t0).run();
  const ticks: { handedOut: number; rowsRead: number; rowsWritten: number }[] = [];
  const runLog: Entry[] = [];
  const db = meteredDb(runLog);
  const seen = new Set<string>();
  for (let t = t0; seen.size < ACCOUNTS && ticks.length < 60; t += MIN) {
    const { handedOut, handOut } = await meteredTick(t);
    ticks.push({ handedOut, rowsRead: handOut.rowsRead, rowsWritten: handOut.rowsWritten });
    // The leased accounts are the ones this tick handed out.
    const leased = await env.DB.prepare("SELECT id, profile_due_at FROM tiktok_accounts WHERE next_sync_at = ? AND id LIKE 'acc_sb%'")
      .bind(t + SYNC_LEASE_MS)
      .all<{ id: string; profile_due_at: number | null }>();
    for (let i = 0; i < leased.results.length; i += 25) {
      await Promise.all(leased.results.slice(i, i + 25).map((r) => runWrites(db, r.id, r.profile_due_at, t, random)));
    }
    for (const r of leased.results) seen.add(r.id);
  }
  const runs = ticks.reduce((n, t) => n + t.handedOut, 0);
  const perRun = totals(runLog);
  return {
    minutesToSyncAll: seen.size === ACCOUNTS ? ticks.length : null,
    handedOutPerTick: ticks.map((t) => t.handedOut),
    handOutRowsReadPerTick: ticks.map((t) => t.rowsRead),
    maxRowsRead: Math.max(...ticks.map((t) => t.rowsRead)),
    runWritesPerRun: {
      rowsRead: +(perRun.rowsRead / runs).toFixed(1),
      rowsWritten: +(perRun.rowsWritten / runs).toFixed(1),
      statements: +(perRun.statements / runs).toFixed(1),
    },
  };
}

describe("account sync at 10,000 accounts × 30 posts", () => {
  it("stays within TikTok's read budget, reads D1 rows in proportion to the accounts due, and syncs everyone", async () => {
    const seed = seedFromEnv("BENCH_SEED");
    const random = rng(seed);
    // a) the policy, minute by minute.
    const simStart = performance.now();
    const steady = simulate({ accounts: ACCOUNTS, posts: POSTS, days: 7, missingIdShare: 0.25, random, coldStart: false });
    const cold = simulate({ accounts: ACCOUNTS, posts: POSTS, days: 1, missingIdShare: 0.25, random, coldStart: true });
    const simMs = performance.now() - simStart;
    const runs = [...steady.runsPerMinute];

    // b) D1 at scale, ticks at a steady-state minute and in bursts.
    const now = Date.now();
    const insertStart = performance.now();
    const { ids, nextSync } = await insertScale(ACCOUNTS, POSTS, now, random);
    const insertS = +((performance.now() - insertStart) / 1000).toFixed(1);
    type TickFigures = { due: number } & Awaited<ReturnType<typeof meteredTick>>;
    const steadyTicks: TickFigures[] = [];
    for (let m = 1; m <= 5; m++) {
      const t = now + m * MIN;
      steadyTicks.push({ due: nextSync.filter((n) => n <= t && n > t - MIN).length, ...(await meteredTick(t)) });
    }
    const bursts: TickFigures[] = [];
    for (const n of [100, 486, 2_000]) {
      const t = now + (10 + bursts.length) * MIN;
      await env.DB.prepare(
        `UPDATE tiktok_accounts SET next_sync_at = ? WHERE id IN (${ids
          .slice(0, n)
          .map((id) => `'${id}'`)
          .join(",")})`,
      )
        .bind(t - 1)
        .run();
      bursts.push({ due: n, ...(await meteredTick(t)) });
    }
    const plan = await env.DB.prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM tiktok_accounts WHERE status = 'active' AND next_sync_at <= ? ORDER BY next_sync_at LIMIT 486",
    )
      .bind(now)
      .all<{ detail: string }>();

    // c) cold start on D1.
    const coldD1 = await coldStart(now + 60 * MIN, random);

    // d) real runs.
    const real = await realAccount(now, POSTS);
    const firstSync = await measuredRun(real.accountId, real.openId, false);
    const oneReading = `post_real_${real.accountId}_0`;
    await env.DB.prepare("UPDATE post_stats SET due_at = ?, window_at = ? WHERE post_id = ?")
      .bind(Date.now(), Date.now(), oneReading)
      .run();
    const metricsRun = await measuredRun(real.accountId, real.openId, false);
    const syncNow = await measuredRun(real.accountId, real.openId, true);

    const figures = {
      seed,
      accounts: ACCOUNTS,
      postsPerAccount: POSTS,
      simulation: { days: 7, wallMs: +simMs.toFixed(0), missingIdShare: 0.25, tiktokCalls: callFigures(steady.perMinute) },
      runsPerMinute: { mean: +(runs.reduce((a, b) => a + b, 0) / runs.length).toFixed(1), max: Math.max(...runs), cap: MAX_SYNCS_PER_TICK },
      coldStart: { simulatedMinutesToSyncAll: cold.allSyncedAtMinute, d1: coldD1, coldCalls: callFigures(cold.perMinute) },
      d1: { insertSeconds: insertS, steadyTicks, bursts, handOutPlan: plan.results.map((r) => r.detail) },
      realRuns: { firstSync, oneReadingDue: metricsRun, syncNow },
      budget: "TikTok 600/min per read endpoint (counted as per app); Postflare spends at most 540/min",
    };
    await report("8 sync, 10,000 accounts × 30 posts", figures);
    for (const k of ["user_info", "video_query", "video_list"] as const) {
      expect(figures.simulation.tiktokCalls[k]!.peakMinute).toBeLessThanOrEqual(540);
      expect(figures.coldStart.coldCalls[k]!.peakMinute).toBeLessThanOrEqual(540);
    }
    // Rows read by the hand-out ∝ accounts handed out (about 6 each), whatever the table holds.
    for (const t of [...steadyTicks, ...bursts]) expect(t.handOut.rowsRead).toBeLessThanOrEqual(4 + 8 * t.handedOut);
    expect(firstSync.tiktokCalls["/v2/video/query/"]).toBe(2);
  });
});
