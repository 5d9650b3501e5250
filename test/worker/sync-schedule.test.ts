// When accounts sync: the tick hands out only the accounts due, spread over the minute and leased; daily syncs drift
// apart so accounts that started together never fire together; the post schedule is configurable.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_SYNCS_PER_TICK, SYNC_LEASE_MS } from "../../src/sync/sync-fanout";
import { DEFAULT_SYNC_CONFIG, nextProfileSync, nextReading, readingOffsets, syncConfig } from "../../src/sync/sync-schedule";
import { connectAccount, rows, signedUpWithToken, unique } from "./helpers";
import { nextSyncAt, syncRound } from "./sync-world";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

const H = 3_600_000;
const D = 24 * H;

/** `n` active accounts straight into D1 (no TikTok behind them: these tests never deliver their messages). */
async function insertAccounts(n: number, nextSyncAt: (i: number) => number) {
  const ws = unique("ws_");
  const now = w.now();
  await env.DB.prepare("INSERT INTO workspaces (id, name, created_at) VALUES (?, 'fan-out', ?)").bind(ws, now).run();
  const ids = Array.from({ length: n }, (_, i) => `${ws}_acc${i}`);
  await env.DB.batch(
    ids.map((id, i) =>
      env.DB.prepare(
        "INSERT INTO tiktok_accounts (id, workspace_id, open_id, display_name, scopes, access_token_enc, refresh_token_enc, access_expires_at, refresh_expires_at, connected_at, updated_at, next_sync_at) VALUES (?, ?, ?, 'x', 'user.info.basic', 'x', 'x', ?, ?, ?, ?, ?)",
      ).bind(id, ws, `${id}_open`, now + D, now + 90 * D, now, now, nextSyncAt(i)),
    ),
  );
  return ids;
}

describe("the fan-out", () => {
  it("hands out only the accounts due, one message each spread over the minute, and leases them", async () => {
    w = await world();
    const due = await insertAccounts(30, (i) => w.now() - i * 1000);
    const later = await insertAccounts(10, (i) => w.now() + (i + 1) * 60_000);
    await w.tick();
    const messages = w.sent.splice(0).filter((m) => (m.body as { kind: string }).kind === "sync");
    const mine = messages.filter((m) => [...due, ...later].includes((m.body as { accountId: string }).accountId));
    expect(mine.map((m) => (m.body as { accountId: string }).accountId).sort()).toEqual([...due].sort());
    expect(mine[0]!.body).toEqual({ kind: "sync", accountId: expect.any(String), full: false, reason: "scheduled" });
    const delays = mine.map((m) => m.delaySeconds!);
    expect(new Set(delays).size).toBe(due.length); // never two in the same second
    expect(Math.max(...delays)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...delays)).toBeLessThan(60);
    for (const id of due) expect(await nextSyncAt(id)).toBe(w.now() + SYNC_LEASE_MS);
    // Leased: the next tick does not hand them out again; the later ones go when their time comes.
    await w.advanceTo(w.now() + 60_000);
    await w.tick();
    const second = w.sent.splice(0).map((m) => (m.body as { accountId?: string }).accountId);
    expect(second.filter((id) => due.includes(id!))).toEqual([]);
    expect(second.filter((id) => later.includes(id!))).toEqual([later[0]]);
  });

  it("spreads accounts that started together: after one daily sync, 10,000 of them never crowd a tick", () => {
    const start = Date.UTC(2027, 0, 1);
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const next = Array.from({ length: 10_000 }, () => nextProfileSync(start, DEFAULT_SYNC_CONFIG, random).dueAt);
    const perMinute = new Map<number, number>();
    for (const at of next) perMinute.set(Math.floor(at / 60_000), (perMinute.get(Math.floor(at / 60_000)) ?? 0) + 1);
    expect(Math.max(...next) - Math.min(...next)).toBeGreaterThan(2 * H);
    expect(Math.max(...perMinute.values())).toBeLessThan(MAX_SYNCS_PER_TICK / 4);
    for (const at of next) {
      expect(at).toBeGreaterThan(start + 0.89 * D);
      expect(at).toBeLessThanOrEqual(start + D);
    }
  });

  it("gives real accounts connected together different next syncs", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const accounts = await Promise.all([1, 2, 3, 4].map(() => connectAccount(client)));
    const ids = accounts.map((a) => a.accountId);
    await syncRound(w, ids);
    const next = await rows<{ next_sync_at: number }>(
      `SELECT next_sync_at FROM tiktok_accounts WHERE id IN (${ids.map(() => "?").join(",")})`,
      ...ids,
    );
    expect(new Set(next.map((r) => r.next_sync_at)).size).toBe(4);
  });
});

describe("the post schedule", () => {
  it("is 1 h, 6 h, 24 h, 72 h, 7 d, then weekly up to 90 d by default", () => {
    expect(readingOffsets(DEFAULT_SYNC_CONFIG).map((o) => o / H)).toEqual([
      1,
      6,
      24,
      72,
      ...[7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 90].map((d) => d * 24),
    ]);
  });

  it("is configurable from the Worker's vars, and a malformed value keeps the default", () => {
    const config = syncConfig({ SYNC_PROFILE_INTERVAL: "12h", SYNC_METRICS_SCHEDULE: "30m,2h,1d", SYNC_METRICS_HORIZON: "14d" });
    expect(config.profileIntervalMs).toBe(12 * H);
    expect(readingOffsets(config).map((o) => o / H)).toEqual([0.5, 2, 24, 8 * 24, 14 * 24]);
    expect(syncConfig({ SYNC_METRICS_SCHEDULE: "6h,1h", SYNC_METRICS_HORIZON: "soon" })).toEqual(DEFAULT_SYNC_CONFIG);
    expect(syncConfig(env)).toEqual(DEFAULT_SYNC_CONFIG); // wrangler.toml's values are the defaults
  });

  it("counts a reading taken early in its window for its slot, and ends at the horizon", () => {
    const t0 = Date.UTC(2027, 0, 1);
    expect(nextReading(t0, t0, DEFAULT_SYNC_CONFIG)).toEqual({ dueAt: t0 + H, windowAt: t0 + 0.9 * H });
    // Read at 58 min (inside the 1 h reading's window): the next is the 6 h one.
    expect(nextReading(t0, t0 + 58 * 60_000, DEFAULT_SYNC_CONFIG)?.dueAt).toBe(t0 + 6 * H);
    expect(nextReading(t0, t0 + 90 * D, DEFAULT_SYNC_CONFIG)).toBeNull();
  });
});
