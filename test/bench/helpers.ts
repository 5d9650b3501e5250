// Shared by the benchmarks: drive the Worker like the web app does, the emulator through its control API,
// the cron like the platform does, and hand figures back to the Node side (scripts/bench.mjs prints them).
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import worker from "../../src/index";
import { syntheticMp4 } from "../fixtures/synthetic-mp4";
import { type Client, connectAccount as connectOne, emu, uploadVideo as uploadThroughApi } from "../worker/helpers";

export { env };
export const probeUrl = () => inject("probeUrl");
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// The same API/emulator drivers as the Worker tests.
export { Client, emu, signedUpClient, unique } from "../worker/helpers";

let connections = 0;
/**
 * A benchmark's accounts stand for many creators, each connecting from their own address: a fresh address per
 * connection keeps the per-address connect throttle (covered by the Worker tests) out of the timing figures.
 */
export async function connectAccount(client: Client) {
  connections += 1;
  client.address = `203.0.${Math.floor(connections / 250) % 250}.${(connections % 250) + 1}`;
  return connectOne(client);
}

/** Small video (one chunk), uploaded through the API; returns its id. */
export async function uploadVideo(client: Client, bytes: Uint8Array = syntheticMp4(200_000, 3)) {
  return (await uploadThroughApi(client, bytes)).videoId;
}

export async function schedulePost(client: Client, accountId: string, videoId: string, scheduledAtMs: number, caption: string) {
  const { status, body } = await client.json("/api/posts", {
    accountId,
    videoId,
    caption,
    privacyLevel: "SELF_ONLY",
    scheduledAt: new Date(scheduledAtMs).toISOString(),
    timezone: "UTC",
    mode: "direct",
  });
  if (status !== 201) throw new Error(`schedule failed: ${status} ${JSON.stringify(body)}`);
  return body.post as { id: string; status: string };
}

export const emuRecord = (openId?: string) => emu(`/__emu/record${openId ? `?openId=${encodeURIComponent(openId)}` : ""}`);

/** One cron tick, the way the platform runs `scheduled`. */
export async function tick(scheduledTime = Date.now()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime, cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** Fires the cron at every wall-clock minute boundary (as Cloudflare does) until stopped. */
export function cronAtMinuteBoundaries() {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ticks: number[] = [];
  const arm = () => {
    if (stopped) return;
    const next = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
    timer = setTimeout(async () => {
      if (stopped) return;
      ticks.push(Date.now());
      await tick(next).catch((e) => console.error("tick failed", e));
      arm();
    }, next - Date.now());
  };
  arm();
  return {
    ticks,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

const FINAL = ["published", "sent_to_inbox", "failed", "cancelled", "missed", "unconfirmed"];

/** Waits (reading D1) until every post is in a final state or the deadline passes; returns id → status. */
export async function waitAllFinal(ids: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let statuses = new Map<string, string>();
  while (true) {
    statuses = new Map();
    for (let i = 0; i < ids.length; i += 90) {
      const slice = ids.slice(i, i + 90);
      const { results } = await env.DB.prepare(`SELECT id, status FROM posts WHERE id IN (${slice.map(() => "?").join(",")})`)
        .bind(...slice)
        .all<{ id: string; status: string }>();
      for (const r of results) statuses.set(r.id, r.status);
    }
    if ([...statuses.values()].every((s) => FINAL.includes(s)) || Date.now() > deadline) return statuses;
    await sleep(500);
  }
}

/** Deterministic PRNG (mulberry32) so a run can be replayed with its printed seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFromEnv(name: string) {
  const fixed = Number((env as unknown as Record<string, string | undefined>)[name]);
  return Number.isFinite(fixed) && fixed > 0 ? fixed : Math.floor(Math.random() * 2 ** 31);
}

/** Nearest-rank percentile. */
export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    mean,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    min: sorted[0] ?? NaN,
  };
}

export const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Hands a benchmark's figures to the Node side (written to BENCH_RESULTS_FILE for the final table). */
export async function report(name: string, figures: Record<string, unknown>) {
  console.log(`\n[bench] ${name}\n${JSON.stringify(figures, null, 2)}`);
  await fetch(`${probeUrl()}/result`, { method: "POST", body: JSON.stringify({ name, figures }) });
}

/**
 * Lateness figures for a set of posts, from the emulator's ledger (TikTok's clock, not ours): each post's
 * caption is unique, so its accepted inits are found by post_info.title.
 */
export function latenessFromLedger(
  posts: { id: string; caption: string; scheduledAt: number; openId: string }[],
  record: { inits: any[]; rejectedInits: any[]; publishes: any[] },
  statuses: Map<string, string>,
) {
  const byTitle = new Map<string, any[]>();
  for (const init of record.inits) {
    const title = init.post_info?.title ?? "";
    byTitle.set(title, [...(byTitle.get(title) ?? []), init]);
  }
  const publishes = new Map(record.publishes.map((p: any) => [p.publish_id, p]));
  const rows = posts.map((p) => {
    const inits = byTitle.get(p.caption) ?? [];
    const first = inits.map((i) => i.at as number).sort((a, b) => a - b)[0];
    const completes = inits.reduce((n, i) => n + ((publishes.get(i.publish_id) as any)?.completeCount ?? 0), 0);
    return {
      ...p,
      status: statuses.get(p.id) ?? "?",
      inits: inits.length,
      completes,
      initAt: first ?? null,
      lateness: first === undefined ? null : first - p.scheduledAt,
    };
  });
  const published = rows.filter((r) => r.status === "published" && r.completes >= 1).length;
  const duplicated = rows.filter((r) => r.inits > 1 || r.completes > 1).length;
  const lateness = summary(rows.filter((r) => r.lateness !== null).map((r) => r.lateness!));
  return { rows, published, lost: posts.length - published, duplicated, lateness };
}
