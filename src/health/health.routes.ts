// /api/health/live: a public liveness answer for uptime checks (is the scheduler ticking? no counts at all).
// /api/health: the same for members, with their own workspace's figures (never counts across workspaces).
import { createRoute } from "@hono/zod-openapi";
import { guard } from "../auth/guard";
import { lastHour } from "../observability/last-hour";
import { lastTickAt, schedulerFigures } from "../scheduler/scheduler.repo";
import { errorResponses, iso, json, router } from "../shared/http";
import { Health, Liveness } from "./health.schemas";

/** A cron tick older than this means the scheduler is not running. */
export const TICK_OVERDUE_MS = 3 * 60 * 1000;
/** A post still waiting this long after its time is overdue. */
const OVERDUE_AFTER_MS = 60 * 1000;

const liveRoute = createRoute({
  method: "get",
  path: "/health/live",
  tags: ["health"],
  responses: { 200: json(Liveness, "The Worker answers; `ok` says whether the scheduler ticks") },
});

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["health"],
  ...guard("viewer"),
  responses: { 200: json(Health, "The scheduler, and this workspace's upcoming and overdue posts"), ...errorResponses },
});

const tickProblem = (lastTick: number | null, now: number) => {
  if (lastTick === null) return "The scheduler has never run";
  return now - lastTick > TICK_OVERDUE_MS ? "The scheduler has not run for over 3 minutes" : null;
};

export const healthRoutes = router()
  .openapi(liveRoute, async (c) => {
    const lastTick = await lastTickAt(c.var.db);
    const problem = tickProblem(lastTick, c.var.now);
    return c.json({ ok: problem === null, lastTickAt: iso(lastTick), tickOverdue: problem !== null }, 200);
  })
  .openapi(healthRoute, async (c) => {
    const { now } = c.var;
    const { workspaceId } = c.get("session");
    const [figures, hour] = await Promise.all([
      schedulerFigures(c.var.db, now, OVERDUE_AFTER_MS, workspaceId),
      lastHour(c.var.db, now, workspaceId),
    ]);
    const tick = tickProblem(figures.lastTick, now);
    const problems = [...(tick ? [tick] : []), ...(figures.overdue > 0 ? [`${figures.overdue} post(s) are overdue`] : [])];
    return c.json(
      {
        ok: problems.length === 0,
        lastTickAt: iso(figures.lastTick),
        tickOverdue: tick !== null,
        postsDueNextHour: figures.dueNextHour,
        queueBacklog: figures.backlog,
        overduePosts: figures.overdue,
        problems,
        lastHour: hour,
      },
      200,
    );
  });
