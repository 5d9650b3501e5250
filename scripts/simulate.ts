// `npm run simulate`: the scheduler's load over a synthetic day at internet scale (1,000,000 posts a day over
// 100,000 accounts, people scheduling on round times, a peak minute of 50,000 posts), minute by minute, against
// Cloudflare's limits (docs/scaling.md). Costs per post come from measurements (`npm run bench`); the model is in
// plain sight below, so a reader can change a figure and see what moves. Numbers, not guesses.

const DAY_POSTS = Number(process.env.SIM_POSTS_PER_DAY ?? 1_000_000);
const ACCOUNTS = Number(process.env.SIM_ACCOUNTS ?? 100_000);
const PEAK_MINUTE_POSTS = Number(process.env.SIM_PEAK_MINUTE ?? 50_000);
const SHARDS = Number(process.env.SIM_D1_SHARDS ?? 1);

/** Cloudflare's limits (cloudflare-platform.md, Nov 2026). */
const LIMITS = {
  d1QueriesPerSecond: 1_000 * SHARDS, // one D1 database is single-threaded: ~1,000 simple queries/s
  d1BytesPerDatabase: 10e9, // 10 GB per database (Paid), cannot be raised
  d1QueriesPerInvocation: 1_000, // Workers Paid
  subrequestsPerInvocation: 10_000, // Workers Paid (queue sendBatch calls count)
  queueMessagesPerSecond: 5_000, // per queue
  queueBatch: 100,
  doRequestsPerSecond: 1_000, // per Durable Object (soft)
  cronCpuMs: 30_000, // default CPU per invocation (up to 300,000 with limits.cpu_ms)
};

/** Measured (npm run bench, benchmark 4 and 6; see docs/benchmarks.md). */
const COST = {
  tickFixedQueries: 9, // heartbeat, missed (2 statements), stale claims, pre-flight, sweeper, metric cleanup, figures
  claimBatch: 5_000, // posts per claim: events + update + the snapshot read for the messages (3 statements)
  tickRowsFixed: 130, // rows read by a tick with ~10 due among 100,000 future posts
  tickRowsPerDuePost: 14, // rows read per due post (10,000 due: 140,035 rows)
  tickMsPer10kDue: 312, // tick wall time with 10,000 due (local D1)
  prepareReadsPerPost: 0, // the publish message carries the post: the Durable Object reads no D1 before the init
  afterInitWritesPerPost: 5, // init accepted (with queued → publishing), uploaded, outcome, notes, metric flush
  createQueriesPerPost: 6, // POST /api/posts: session, account, video, cap window, insert batch, read back
  doRequestsPerPost: 6, // schedule, alarm (prepare), alarm (send + upload), 1–3 status reads, settle
  preparePhaseS: 25, // posts are prepared 5–30 s before their second (step-prepare.ts), spread by post id
  // Measured with the migrations in SQLite: a published post's row and indexes + its 5 timeline events = 1,558 bytes;
  // its 3 metric points = 240 bytes more for the week they are kept.
  bytesPerPostKept: 1_558,
  bytesPerPostWeek: 240,
};

/** Share of a day's posts per UTC hour: a worldwide audience, busiest in Europe's and the Americas' evenings. */
const HOURLY = [2, 1.5, 1.2, 1, 1, 1.2, 1.8, 2.6, 3.6, 4.6, 4.8, 5, 5.4, 5.2, 5, 5, 5.2, 5.6, 6, 6.2, 6, 5.2, 4, 3].map((w) => w / 100);

/** Share of an hour's posts per minute: people pick round times (:00 by far, then :30, :15, :45, 5-minute marks). */
function minuteShare(minute: number) {
  const roundness = minute === 0 ? 30 : minute === 30 ? 10 : minute % 15 === 0 ? 5 : minute % 5 === 0 ? 1.6 : 0.35;
  return roundness;
}
const MINUTE_TOTAL = Array.from({ length: 60 }, (_, m) => minuteShare(m)).reduce((a, b) => a + b, 0);

/** Posts due in each minute of the day, scaled so the busiest minute holds PEAK_MINUTE_POSTS. */
function dayProfile(): number[] {
  const raw = Array.from({ length: 1_440 }, (_, i) => DAY_POSTS * HOURLY[Math.floor(i / 60)]! * (minuteShare(i % 60) / MINUTE_TOTAL));
  const peak = Math.max(...raw);
  // A Monday 09:00 effect: the busiest round minute is pushed up to the peak the issue names; the rest keeps its share.
  const peakIndex = raw.indexOf(peak);
  raw[peakIndex] = PEAK_MINUTE_POSTS;
  const others = raw.reduce((a, b) => a + b, 0) - PEAK_MINUTE_POSTS;
  const scale = (DAY_POSTS - PEAK_MINUTE_POSTS) / others;
  return raw.map((n, i) => Math.round(i === peakIndex ? n : n * scale));
}

function minuteLoad(due: number) {
  const claimStatements = 3 * Math.max(1, Math.ceil(due / COST.claimBatch));
  const tickQueries = COST.tickFixedQueries + claimStatements;
  const sendBatches = Math.ceil(due / LIMITS.queueBatch);
  return {
    due,
    tickQueries,
    tickRowsRead: COST.tickRowsFixed + COST.tickRowsPerDuePost * due,
    tickMs: Math.round(30 + (COST.tickMsPer10kDue * due) / 10_000),
    tickSubrequests: tickQueries + sendBatches,
    // The tick sends a minute's messages at once: at the queue's rate they take this long to go out.
    queueSendSeconds: due / LIMITS.queueMessagesPerSecond,
    // D1 at the due second: prepares of that second's posts land in the 5 s before it.
    d1PrepareQps: (due * COST.prepareReadsPerPost) / COST.preparePhaseS,
    d1AfterInitQpsOverMinute: (due * COST.afterInitWritesPerPost) / 60,
  };
}

function main() {
  const profile = dayProfile();
  const loads = profile.map(minuteLoad);
  const peak = loads.reduce((a, b) => (b.due > a.due ? b : a));
  const total = profile.reduce((a, b) => a + b, 0);
  const d1DayQueries =
    total * (COST.createQueriesPerPost + COST.prepareReadsPerPost + COST.afterInitWritesPerPost) +
    loads.reduce((n, l) => n + l.tickQueries, 0);
  const perAccountPeak = Math.ceil(peak.due / ACCOUNTS);
  const weekBytes = total * 7 * COST.bytesPerPostWeek;
  const daysToFull = (LIMITS.d1BytesPerDatabase * SHARDS - weekBytes) / (total * COST.bytesPerPostKept);
  const rows: [string, string, string, string][] = [
    [
      "cron tick: D1 queries per invocation (peak)",
      String(peak.tickQueries),
      String(LIMITS.d1QueriesPerInvocation),
      ratio(LIMITS.d1QueriesPerInvocation, peak.tickQueries),
    ],
    [
      "cron tick: subrequests per invocation (peak)",
      String(peak.tickSubrequests),
      String(LIMITS.subrequestsPerInvocation),
      ratio(LIMITS.subrequestsPerInvocation, peak.tickSubrequests),
    ],
    ["cron tick: wall time (peak, local D1 rate)", `${peak.tickMs} ms`, "60,000 ms (next tick)", ratio(60_000, peak.tickMs)],
    ["cron tick: rows read (peak)", fmt(peak.tickRowsRead), "∝ due", "–"],
    [
      "queue: time to send the peak minute",
      `${peak.queueSendSeconds.toFixed(1)} s`,
      "≤ 55 s (claim window − prepare lead − margin)",
      ratio(55, peak.queueSendSeconds),
    ],
    [
      "D1: queries/s while the peak second's posts are prepared",
      fmt(peak.d1PrepareQps),
      fmt(LIMITS.d1QueriesPerSecond),
      ratio(LIMITS.d1QueriesPerSecond, peak.d1PrepareQps),
    ],
    [
      "D1: queries/s after the peak minute's inits (over a minute)",
      fmt(peak.d1AfterInitQpsOverMinute),
      fmt(LIMITS.d1QueriesPerSecond),
      ratio(LIMITS.d1QueriesPerSecond, peak.d1AfterInitQpsOverMinute),
    ],
    [
      "D1: queries per day (average per second)",
      `${fmt(d1DayQueries)} (${fmt(d1DayQueries / 86_400)}/s)`,
      fmt(LIMITS.d1QueriesPerSecond),
      ratio(LIMITS.d1QueriesPerSecond, d1DayQueries / 86_400),
    ],
    [
      "D1: days until full, keeping every post's history",
      `${daysToFull.toFixed(1)} days`,
      `${LIMITS.d1BytesPerDatabase / 1e9} GB × ${SHARDS} database(s)`,
      `×${(daysToFull / 30).toFixed(2)} of a month`,
    ],
    [
      "Durable Object: requests/s of the busiest account (peak minute)",
      `${((perAccountPeak * COST.doRequestsPerPost) / 60).toFixed(2)}`,
      String(LIMITS.doRequestsPerSecond),
      ratio(LIMITS.doRequestsPerSecond, (perAccountPeak * COST.doRequestsPerPost) / 60),
    ],
  ];
  console.log(
    `Synthetic day: ${fmt(total)} posts over ${fmt(ACCOUNTS)} accounts, peak minute ${fmt(peak.due)} (minute ${profile.indexOf(peak.due)} UTC), D1 shards: ${SHARDS}`,
  );
  console.log(
    `Busiest minutes: ${[...profile]
      .sort((a, b) => b - a)
      .slice(0, 5)
      .map(fmt)
      .join(", ")}; quietest: ${fmt(Math.min(...profile))}\n`,
  );
  const widths = [62, 22, 44, 10];
  console.log(["figure", "demand", "limit", "headroom"].map((h, i) => h.padEnd(widths[i]!)).join(" | "));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join(" | "));
  const first = rows
    .map((r) => ({ figure: r[0], headroom: Number.parseFloat(r[3].slice(1)) }))
    .filter((r) => !Number.isNaN(r.headroom))
    .sort((a, b) => a.headroom - b.headroom)[0]!;
  console.log(`\nFirst limit: ${first.figure} (headroom ×${first.headroom}).`);
}

const ratio = (limit: number, demand: number) => (demand <= 0 ? "∞" : `×${(limit / demand).toFixed(1)}`);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

main();
