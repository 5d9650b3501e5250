// GET /api/audit: the workspace's audit log, newest first, for its admins.
import { createRoute } from "@hono/zod-openapi";
import { guard } from "../auth/guard";
import { errorResponses, json, router } from "../shared/http";
import { listAudit } from "./audit.repo";
import { AuditQuery, AuditResponse } from "./audit.schemas";

const auditRoute = createRoute({
  method: "get",
  path: "/audit",
  tags: ["teams"],
  ...guard("admin"),
  request: { query: AuditQuery },
  responses: { 200: json(AuditResponse), ...errorResponses },
});

export const auditRoutes = router().openapi(auditRoute, async (c) => {
  const { limit, before } = c.req.valid("query");
  const events = await listAudit(c.var.db, c.get("session").workspaceId, limit, before);
  return c.json({ events, nextBefore: events.length === limit ? events.at(-1)!.id : null }, 200);
});
