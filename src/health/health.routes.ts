// /api/health: is the scheduler alive, and is anything late?
import { createRoute, z } from "@hono/zod-openapi";
import { schedulerFigures } from "../scheduler/scheduler.repo";
import { iso, json, router } from "../shared/http";

/** A cron tick older than this means the scheduler is not running. */
export const TICK_OVERDUE_MS = 3 * 60 * 1000;
/** A post still waiting this long after its time is overdue. */
const OVERDUE_AFTER_MS = 60 * 1000;

export const Health = z
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
  const { now } = c.var;
  const figures = await schedulerFigures(c.var.db, now, OVERDUE_AFTER_MS);
  const tickOverdue = figures.lastTick === null || now - figures.lastTick > TICK_OVERDUE_MS;
  const problems: string[] = [];
  if (tickOverdue) problems.push(figures.lastTick === null ? "The scheduler has never run" : "The scheduler has not run for over 3 minutes");
  if (figures.overdue > 0) problems.push(`${figures.overdue} post(s) are overdue`);
  return c.json(
    {
      ok: problems.length === 0,
      lastTickAt: iso(figures.lastTick),
      tickOverdue,
      postsDueNextHour: figures.dueNextHour,
      queueBacklog: figures.backlog,
      overduePosts: figures.overdue,
      problems,
    },
    200,
  );
});
