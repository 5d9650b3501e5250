// The last hour of recorded figures for /api/health: start lateness p50/p99/max, outcomes, 429s, retries, queue
// delay, and what the ticks cost. Read from the same points the Worker writes to Analytics Engine.
import type { Database } from "../db/client";
import type { MetricName } from "./metrics";
import { quantileSince, sumsByLabel } from "./metrics.repo";

const HOUR_MS = 3_600_000;

async function quantiles(db: Database, name: MetricName, since: number) {
  const [p50, p99, max] = await Promise.all([0.5, 0.99, 1].map((q) => quantileSince(db, name, since, q)));
  return { n: p50!.n, p50: p50!.value, p99: p99!.value, max: max!.value };
}

const total = (rows: { total: number }[]) => rows.reduce((sum, r) => sum + r.total, 0);

export async function lastHour(db: Database, now: number) {
  const since = now - HOUR_MS;
  const [lateness, queueDelay, tickMs, outcomes, rateLimited, retries, rowsRead, queries] = await Promise.all([
    quantiles(db, "start_lateness_ms", since),
    quantiles(db, "queue_delay_ms", since),
    quantiles(db, "tick_ms", since),
    sumsByLabel(db, "outcome", since),
    sumsByLabel(db, "tiktok_429", since),
    sumsByLabel(db, "retry", since),
    sumsByLabel(db, "tick_rows_read", since),
    sumsByLabel(db, "tick_queries", since),
  ]);
  return {
    starts: lateness.n,
    startLatenessMs: { p50: lateness.p50, p99: lateness.p99, max: lateness.max },
    outcomes: Object.fromEntries(outcomes.map((o) => [o.label ?? "unknown", o.total])),
    rateLimited: total(rateLimited),
    retries: total(retries),
    queueDelayMs: { p50: queueDelay.p50, p99: queueDelay.p99, max: queueDelay.max },
    ticks: tickMs.n,
    tickMs: { p50: tickMs.p50, p99: tickMs.p99, max: tickMs.max },
    tickRowsReadMax: rowsRead[0]?.top ?? null,
    tickQueriesMax: queries[0]?.top ?? null,
  };
}
