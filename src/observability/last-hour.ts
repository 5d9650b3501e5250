// The last hour of recorded figures for /api/health, for one workspace: its posts' start lateness p50/p99/max,
// outcomes, TikTok's 429s, retries and queue delay. The same points the Worker writes to Analytics Engine, where an
// operator reads them across workspaces (docs/scaling.md); a member sees only their own workspace's.
import type { Database } from "../db/client";
import type { MetricName } from "./metrics";
import { quantileSince, sumsByLabel } from "./metrics.repo";

const HOUR_MS = 3_600_000;

async function quantiles(db: Database, name: MetricName, since: number, workspaceId: string) {
  const [p50, p99, max] = await Promise.all([0.5, 0.99, 1].map((q) => quantileSince(db, name, since, q, workspaceId)));
  return { n: p50!.n, p50: p50!.value, p99: p99!.value, max: max!.value };
}

const total = (rows: { total: number }[]) => rows.reduce((sum, r) => sum + r.total, 0);

export async function lastHour(db: Database, now: number, workspaceId: string) {
  const since = now - HOUR_MS;
  const [lateness, queueDelay, outcomes, rateLimited, retries] = await Promise.all([
    quantiles(db, "start_lateness_ms", since, workspaceId),
    quantiles(db, "queue_delay_ms", since, workspaceId),
    sumsByLabel(db, "outcome", since, workspaceId),
    sumsByLabel(db, "tiktok_429", since, workspaceId),
    sumsByLabel(db, "retry", since, workspaceId),
  ]);
  return {
    starts: lateness.n,
    startLatenessMs: { p50: lateness.p50, p99: lateness.p99, max: lateness.max },
    outcomes: Object.fromEntries(outcomes.map((o) => [o.label ?? "unknown", o.total])),
    rateLimited: total(rateLimited),
    retries: total(retries),
    queueDelayMs: { p50: queueDelay.p50, p99: queueDelay.p99, max: queueDelay.max },
  };
}
