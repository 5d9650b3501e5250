// The health contract: what GET /api/health answers (also the OpenAPI description). Pure: the web app imports
// this type too.
import { z } from "@hono/zod-openapi";

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

/** The public liveness answer: nothing about any workspace. */
export const Liveness = z.object({ ok: z.boolean(), lastTickAt: z.string().nullable(), tickOverdue: z.boolean() }).openapi("Liveness");
