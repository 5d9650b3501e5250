// Benchmark 8's policy simulation: 10,000 accounts × 30 published posts run minute by minute through the sync's own
// rules (src/sync/sync-schedule.ts: the decaying readings with their early windows, the jittered daily profile sync;
// src/sync/sync-fanout.ts: at most MAX_SYNCS_PER_TICK accounts per tick), counting the TikTok calls each run makes
// as the steps do (1 user/info + 1 creator_info per profile run, 1 video/query per 20 readings, 1 video/list when a
// post without id is due). Pure; the benchmark checks the per-run counts against real runs.
import { MAX_SYNCS_PER_TICK } from "../../src/sync/sync-fanout";
import { DEFAULT_SYNC_CONFIG, firstReading, nextProfileSync, nextReading, profileDue, type Reading } from "../../src/sync/sync-schedule";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const config = DEFAULT_SYNC_CONFIG;

type Post = { publishedAt: number; next: Reading | null; hasId: boolean };
type Account = { profileDueAt: number; posts: Post[]; nextPublish: number; nextSync: number; version: number };
export type Endpoint = "user_info" | "video_query" | "video_list" | "creator_info";

/** Min-heap of [time, account, version]; stale entries (older version) are skipped. */
class Heap {
  private readonly items: [number, number, number][] = [];
  push(item: [number, number, number]) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]![0] <= a[i]![0]) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  peek = () => this.items[0];
  pop(): [number, number, number] | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]![0] < a[m]![0]) m = l;
        if (r < a.length && a[r]![0] < a[m]![0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

const earliest = (acc: Account) => Math.min(acc.profileDueAt, ...acc.posts.map((p) => p.next?.dueAt ?? Number.POSITIVE_INFINITY));

/** One sync run of `acc` at `t`, as the steps do it; adds its calls to `calls`. */
function run(acc: Account, t: number, calls: Record<Endpoint, number>, random: () => number) {
  if (profileDue(acc.profileDueAt, t, config)) {
    calls.user_info++;
    calls.creator_info++;
    acc.profileDueAt = nextProfileSync(t, config, random).dueAt;
  }
  const due = acc.posts.filter((p) => p.next && p.next.windowAt <= t);
  if (due.some((p) => !p.hasId)) calls.video_list++;
  for (const p of due) p.hasId = true;
  calls.video_query += Math.ceil(due.length / 20);
  for (const p of due) p.next = nextReading(p.publishedAt, t, config);
  acc.posts = acc.posts.filter((p) => p.next !== null);
  acc.nextSync = Math.max(t + MIN, earliest(acc));
}

export type SimOptions = {
  accounts: number;
  posts: number;
  days: number;
  missingIdShare: number;
  random: () => number;
  coldStart: boolean;
};

/** New posts published at `t`: each starts its readings and moves its account's next sync (publishesEnded). */
function publishDue(accounts: Account[], heap: Heap, t: number, publishEvery: number, o: SimOptions) {
  for (const [i, acc] of accounts.entries()) {
    if (acc.nextPublish > t) continue;
    const post = { publishedAt: acc.nextPublish, next: firstReading(acc.nextPublish, config), hasId: o.random() >= o.missingIdShare };
    acc.posts.push(post);
    acc.nextPublish += Math.floor(publishEvery * (0.5 + o.random()));
    if (post.next && post.next.dueAt < acc.nextSync) {
      acc.nextSync = post.next.dueAt;
      heap.push([acc.nextSync, i, ++acc.version]);
    }
  }
}

export function simulate(o: SimOptions) {
  const t0 = Date.UTC(2027, 0, 4);
  const publishEvery = (90 * DAY) / o.posts; // 30 posts per 90 days
  const heap = new Heap();
  const accounts: Account[] = Array.from({ length: o.accounts }, (_, i) => {
    const posts = Array.from({ length: o.posts }, () => {
      const publishedAt = t0 - Math.floor(o.random() * 90 * DAY);
      return { publishedAt, next: nextReading(publishedAt, t0, config), hasId: true };
    });
    // Cold start (every account due at once, e.g. all connected before the sync existed): profiles due too.
    const acc = {
      profileDueAt: o.coldStart ? t0 : t0 + Math.floor(o.random() * DAY),
      posts,
      nextPublish: t0 + Math.floor(o.random() * publishEvery),
      nextSync: 0,
      version: 0,
    };
    acc.nextSync = o.coldStart ? t0 : earliest(acc);
    heap.push([acc.nextSync, i, 0]);
    return acc;
  });
  const minutes = o.days * 1440;
  const perMinute = {
    user_info: new Uint32Array(minutes),
    video_query: new Uint32Array(minutes),
    video_list: new Uint32Array(minutes),
    creator_info: new Uint32Array(minutes),
  };
  const runsPerMinute = new Uint32Array(minutes);
  const syncedOnce = new Set<number>();
  let allSyncedAtMinute: number | null = null;
  for (let m = 0; m < minutes; m++) {
    const t = t0 + m * MIN;
    const calls: Record<Endpoint, number> = { user_info: 0, video_query: 0, video_list: 0, creator_info: 0 };
    publishDue(accounts, heap, t, publishEvery, o);
    let handed = 0;
    while (handed < MAX_SYNCS_PER_TICK && heap.peek() && heap.peek()![0] <= t) {
      const [, i, version] = heap.pop()!;
      const acc = accounts[i]!;
      if (version !== acc.version) continue;
      run(acc, t, calls, o.random);
      heap.push([acc.nextSync, i, ++acc.version]);
      syncedOnce.add(i);
      handed++;
    }
    if (allSyncedAtMinute === null && syncedOnce.size === o.accounts) allSyncedAtMinute = m + 1;
    runsPerMinute[m] = handed;
    for (const k of Object.keys(calls) as Endpoint[]) perMinute[k][m] = calls[k];
  }
  return { perMinute, runsPerMinute, allSyncedAtMinute };
}

/** Per endpoint: calls per hour (mean, max) and the busiest minute, against TikTok's 600/min. */
export function callFigures(perMinute: Record<Endpoint, Uint32Array>) {
  const out: Record<string, { perHourMean: number; perHourMax: number; peakMinute: number; peakShareOf600: string }> = {};
  for (const [k, series] of Object.entries(perMinute)) {
    const hours: number[] = [];
    for (let h = 0; h < series.length / 60; h++) hours.push(series.slice(h * 60, h * 60 + 60).reduce((a, b) => a + b, 0));
    const peak = Math.max(...series);
    out[k] = {
      perHourMean: Math.round(hours.reduce((a, b) => a + b, 0) / hours.length),
      perHourMax: Math.max(...hours),
      peakMinute: peak,
      peakShareOf600: `${((peak / 600) * 100).toFixed(1)} %`,
    };
  }
  return out;
}
