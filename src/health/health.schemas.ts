// The health contract: what GET /api/health answers (also the OpenAPI description). Pure: the web app imports
// this type too.
import { z } from "@hono/zod-openapi";

const Quantiles = z.object({ p50: z.number().nullable(), p99: z.number().nullable(), max: z.number().nullable() });

/** The last hour of the figures the Worker records (observability/metrics.ts) for this workspace's posts. */
export const LastHour = z
  .object({
    starts: z.number(),
    startLatenessMs: Quantiles,
    outcomes: z.record(z.string(), z.number()),
    rateLimited: z.number(),
    retries: z.number(),
    queueDelayMs: Quantiles,
  })
  .openapi("LastHour");

export const Health = z
  .object({
    ok: z.boolean(),
    lastTickAt: z.string().nullable(),
    tickOverdue: z.boolean(),
    postsDueNextHour: z.number(),
    queueBacklog: z.number(),
    overduePosts: z.number(),
    problems: z.array(z.string()),
    lastHour: LastHour,
  })
  .openapi("Health");

/** The public liveness answer: nothing about any workspace. */
export const Liveness = z.object({ ok: z.boolean(), lastTickAt: z.string().nullable(), tickOverdue: z.boolean() }).openapi("Liveness");
