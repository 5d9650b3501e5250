// The audit log contract: what GET /api/audit answers (also the OpenAPI description). Pure: the web app imports it.
import { z } from "@hono/zod-openapi";

export const AuditEvent = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.object({ id: z.string(), email: z.string(), via: z.enum(["session", "token", "system"]) }).nullable(),
    action: z.string().openapi({ example: "post.schedule" }),
    target: z.string().nullable(),
    data: z.unknown(),
  })
  .openapi("AuditEvent");

export const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Only entries older than this id (the `nextBefore` of the previous page). */
    before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

export const AuditResponse = z.object({ events: z.array(AuditEvent), nextBefore: z.number().nullable() });
