// Operational figures, the same ones `npm run bench` prints, recorded live: each point goes to Workers Analytics
// Engine (PUBLISH_METRICS, for dashboards and long ranges; see docs/scaling.md for the query) and to a small D1
// table of recent points (metric_points), which /api/health reads and tests assert on — one code path everywhere.
import type { Database } from "../db/client";
import { insertMetricPoints } from "./metrics.repo";

export const METRIC_NAMES = [
  "start_lateness_ms",
  "outcome",
  "tiktok_429",
  "retry",
  "queue_delay_ms",
  "tick_ms",
  "tick_rows_read",
  "tick_queries",
  "tick_claimed",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export type MetricPoint = {
  name: MetricName;
  value: number;
  at: number;
  label?: string | null;
  accountId?: string | null;
  postId?: string | null;
};

export class Metrics {
  private readonly points: MetricPoint[] = [];
  private readonly dataset: AnalyticsEngineDataset | undefined;
  private readonly db: Database;

  constructor(env: Pick<Env, "PUBLISH_METRICS">, db: Database) {
    this.dataset = env.PUBLISH_METRICS;
    this.db = db;
  }

  record(point: MetricPoint) {
    this.points.push(point);
    // blob1 name, blob2 label, blob3 account, blob4 post; double1 value; index1 account (sampling key).
    this.dataset?.writeDataPoint({
      indexes: [point.accountId ?? ""],
      blobs: [point.name, point.label ?? "", point.accountId ?? "", point.postId ?? ""],
      doubles: [point.value],
    });
  }

  /** Writes the points recorded since the last flush to D1 (one batch), off the critical path. */
  async flush() {
    const points = this.points.splice(0);
    if (points.length > 0) await insertMetricPoints(this.db, points);
  }
}
