// /api/health: is the scheduler alive, and is anything late?
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { database } from "../db/client";
import { json, router } from "../shared/http";
import { iso } from "../shared/http";
import { LAST_TICK_KEY } from "../scheduler/tick";

/** A cron tick older than this means the scheduler is not running. */
export const TICK_OVERDUE_MS = 3 * 60 * 1000;
/** A post still waiting this long after its time is overdue. */
const OVERDUE_AFTER_MS = 60 * 1000;

const Health = z
  .object({
    ok: z.boolean(),
    lastTickAt: z.string().nullable(),
    tickOverdue: z.boolean(),
    postsDueNextHour: z.number(),
    queueBacklog: z.number(),
    overduePosts: z.number(),
    problems: z.array(z.string()),
  })
  .openapi("Health");

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["health"],
  responses: { 200: json(Health) },
});

export const healthRoutes = router().openapi(healthRoute, async (c) => {
  const now = Date.now();
  const [row] = await database(c.env.DB).all<{ last_tick: string | null; due: number; backlog: number; overdue: number }>(sql`
    SELECT
      (SELECT value FROM app_state WHERE key = ${LAST_TICK_KEY}) AS last_tick,
      (SELECT count(*) FROM posts WHERE status IN ('scheduled', 'queued') AND scheduled_at BETWEEN ${now} AND ${now + 3_600_000}) AS due,
      (SELECT count(*) FROM posts WHERE status = 'queued') AS backlog,
      (SELECT count(*) FROM posts WHERE status IN ('scheduled', 'queued') AND scheduled_at < ${now - OVERDUE_AFTER_MS}) AS overdue`);
  const lastTick = row?.last_tick ? Number(row.last_tick) : null;
  const tickOverdue = lastTick === null || now - lastTick > TICK_OVERDUE_MS;
  const problems: string[] = [];
  if (tickOverdue) problems.push(lastTick === null ? "The scheduler has never run" : "The scheduler has not run for over 3 minutes");
  if ((row?.overdue ?? 0) > 0) problems.push(`${row!.overdue} post(s) are overdue`);
  return c.json(
    {
      ok: problems.length === 0,
      lastTickAt: iso(lastTick),
      tickOverdue,
      postsDueNextHour: row?.due ?? 0,
      queueBacklog: row?.backlog ?? 0,
      overduePosts: row?.overdue ?? 0,
      problems,
    },
    200,
  );
});
