// /api/accounts/{id}/queue and /api/queue/slots: posting schedules per account and the slot times they yield.
import { createRoute } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { QueueAccountId, QueueResponse, QueueSchedulePut, SlotInstancesResponse, SlotRangeQuery } from "./slots.schemas";
import { getQueue, putQueue, slotsBetween } from "./slots.service";

const DEFAULT_RANGE_MS = 35 * 24 * 3600 * 1000;

const getRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/queue",
  tags: ["queue"],
  ...guard("viewer"),
  request: { params: QueueAccountId },
  responses: { 200: json(QueueResponse), ...errorResponses },
});
const putRoute = createRoute({
  method: "put",
  path: "/accounts/{id}/queue",
  tags: ["queue"],
  ...guard("editor"),
  request: { params: QueueAccountId, body: jsonBody(QueueSchedulePut) },
  responses: { 200: json(QueueResponse, "Saved"), ...errorResponses },
});
const slotsRoute = createRoute({
  method: "get",
  path: "/queue/slots",
  tags: ["queue"],
  ...guard("viewer"),
  request: { query: SlotRangeQuery },
  responses: { 200: json(SlotInstancesResponse), ...errorResponses },
});

export const slotRoutes = router()
  .openapi(getRoute, async (c) => {
    const body = await getQueue(c.var.db, c.get("session").workspaceId, c.req.valid("param").id, c.var.now);
    return c.json(body, 200);
  })
  .openapi(putRoute, async (c) => {
    const { workspaceId } = c.get("session");
    const { id } = c.req.valid("param");
    const body = await putQueue(c.var.db, workspaceId, id, c.req.valid("json"), c.var.now);
    await audit(c, "queue.save", id, { slots: body.schedule?.slots.length ?? 0, timezone: body.schedule?.timezone });
    return c.json(body, 200);
  })
  .openapi(slotsRoute, async (c) => {
    const { from, to } = c.req.valid("query");
    const start = from ? Date.parse(from) : c.var.now;
    const end = to ? Date.parse(to) : start + DEFAULT_RANGE_MS;
    const slots = await slotsBetween(c.var.db, c.get("session").workspaceId, start, end);
    return c.json({ slots }, 200);
  });
