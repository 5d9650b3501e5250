// An IANA time zone as the API accepts it, written canonically (the posts contract's rule, posts/zone-time.ts).
// Shared by the contracts that take one. Pure: zod and a pure module only.
import { z } from "@hono/zod-openapi";
import { zoneProblem } from "../posts/zone-time";

export const TimeZone = z
  .string()
  .max(64)
  .superRefine((zone, ctx) => {
    const problem = zoneProblem(zone);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
