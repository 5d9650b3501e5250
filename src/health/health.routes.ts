// /api/health: is the scheduler alive, and is anything late?
import { createRoute } from "@hono/zod-openapi";
import { lastHour } from "../observability/last-hour";
import { schedulerFigures } from "../scheduler/scheduler.repo";
import { iso, json, router } from "../shared/http";
import { Health } from "./health.schemas";

/** A cron tick older than this means the scheduler is not running. */
export const TICK_OVERDUE_MS = 3 * 60 * 1000;
/** A post still waiting this long after its time is overdue. */
const OVERDUE_AFTER_MS = 60 * 1000;

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["health"],
  responses: { 200: json(Health) },
});

export const healthRoutes = router().openapi(healthRoute, async (c) => {
  const { now } = c.var;
  const [figures, hour] = await Promise.all([schedulerFigures(c.var.db, now, OVERDUE_AFTER_MS), lastHour(c.var.db, now)]);
  const tickOverdue = figures.lastTick === null || now - figures.lastTick > TICK_OVERDUE_MS;
  const problems: string[] = [];
  if (tickOverdue)
    problems.push(figures.lastTick === null ? "The scheduler has never run" : "The scheduler has not run for over 3 minutes");
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
      lastHour: hour,
    },
    200,
  );
});
