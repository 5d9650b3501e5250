// Recent metric points in D1 (a rolling week): written in batches, read by /api/health for the last hour.
import { and, asc, count, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { MetricName, MetricPoint } from "./metrics";
import { metricPoints } from "./metrics.tables";

// D1 allows 100 bound parameters per statement; a point binds 6.
const POINTS_PER_INSERT = 16;

export async function insertMetricPoints(db: Database, points: MetricPoint[]) {
  const rows = points.map((p) => ({
    at: p.at,
    name: p.name,
    value: p.value,
    label: p.label ?? null,
    accountId: p.accountId ?? null,
    postId: p.postId ?? null,
  }));
  const statements = [];
  for (let i = 0; i < rows.length; i += POINTS_PER_INSERT)
    statements.push(db.insert(metricPoints).values(rows.slice(i, i + POINTS_PER_INSERT)));
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** Points of `name` since `since` whose post belongs to `workspaceId`. */
function inWorkspace(name: MetricName, since: number, workspaceId: string) {
  return and(
    eq(metricPoints.name, name),
    gt(metricPoints.at, since),
    sql`${metricPoints.postId} IN (SELECT id FROM posts WHERE workspace_id = ${workspaceId})`,
  );
}

/** The value at quantile `q` of `name` since `since` (nearest rank) for a workspace's posts, and how many there were. */
export async function quantileSince(db: Database, name: MetricName, since: number, q: number, workspaceId: string) {
  const where = inWorkspace(name, since, workspaceId);
  const [total] = await db.select({ n: count() }).from(metricPoints).where(where);
  const n = total?.n ?? 0;
  if (n === 0) return { n, value: null };
  const offset = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
  const [row] = await db
    .select({ value: metricPoints.value })
    .from(metricPoints)
    .where(where)
    .orderBy(asc(metricPoints.value))
    .limit(1)
    .offset(offset);
  return { n, value: row?.value ?? null };
}

/** A workspace's points of `name` since `since`, summed by label. */
export async function sumsByLabel(db: Database, name: MetricName, since: number, workspaceId: string) {
  return db
    .select({ label: metricPoints.label, total: sql<number>`sum(${metricPoints.value})` })
    .from(metricPoints)
    .where(inWorkspace(name, since, workspaceId))
    .groupBy(metricPoints.label);
}

/** Forgets points older than `before` (a tick keeps a week), a bounded number at a time. */
export async function dropPointsBefore(db: Database, before: number) {
  const result = await db.run(sql`DELETE FROM metric_points WHERE id IN (SELECT id FROM metric_points WHERE at < ${before} LIMIT 5000)`);
  return result.meta.changes ?? 0;
}
