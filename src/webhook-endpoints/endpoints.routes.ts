// /api/webhook-endpoints: outgoing webhooks (admins): register, list, change or disable, delete, rotate the secret,
// send a test, read the delivery log and redeliver.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import type { AppEnv } from "../env";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { tokenCipher } from "../shared/token-cipher";
import { listEndpoints } from "./endpoints.repo";
import {
  CreatedEndpoint,
  DeliveryList,
  DeliveryParams,
  DeliveryResponse,
  EndpointId,
  EndpointList,
  EndpointPatch,
  EndpointResponse,
  NewEndpoint,
} from "./endpoints.schemas";
import {
  changeEndpoint,
  createEndpoint,
  deliveries,
  type EndpointDeps,
  endpointView,
  redeliver,
  removeEndpoint,
  rotateSecret,
  sendTest,
} from "./endpoints.service";

const admin = guard("admin");
const tags = ["webhooks"];
const byId = { params: EndpointId };

const routes = {
  create: createRoute({
    method: "post",
    path: "/webhook-endpoints",
    tags,
    ...admin,
    request: { body: jsonBody(NewEndpoint) },
    responses: { 201: json(CreatedEndpoint, "Registered: the secret is in this answer only"), ...errorResponses },
  }),
  list: createRoute({
    method: "get",
    path: "/webhook-endpoints",
    tags,
    ...admin,
    responses: { 200: json(EndpointList), ...errorResponses },
  }),
  patch: createRoute({
    method: "patch",
    path: "/webhook-endpoints/{id}",
    tags,
    ...admin,
    request: { ...byId, body: jsonBody(EndpointPatch) },
    responses: { 200: json(EndpointResponse), ...errorResponses },
  }),
  remove: createRoute({
    method: "delete",
    path: "/webhook-endpoints/{id}",
    tags,
    ...admin,
    request: byId,
    responses: { 204: { description: "Deleted, with its delivery log" }, ...errorResponses },
  }),
  rotate: createRoute({
    method: "post",
    path: "/webhook-endpoints/{id}/rotate-secret",
    tags,
    ...admin,
    request: byId,
    responses: { 200: json(CreatedEndpoint, "The new secret, in this answer only; the old one stops at once"), ...errorResponses },
  }),
  test: createRoute({
    method: "post",
    path: "/webhook-endpoints/{id}/test",
    tags,
    ...admin,
    request: byId,
    responses: { 202: json(DeliveryResponse, "A signed `ping` event is on its way"), ...errorResponses },
  }),
  deliveries: createRoute({
    method: "get",
    path: "/webhook-endpoints/{id}/deliveries",
    tags,
    ...admin,
    request: byId,
    responses: { 200: json(DeliveryList, "The latest 100 deliveries, newest first"), ...errorResponses },
  }),
  redeliver: createRoute({
    method: "post",
    path: "/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver",
    tags,
    ...admin,
    request: { params: DeliveryParams },
    responses: { 202: json(DeliveryResponse, "The same event, sent again as a new delivery"), ...errorResponses },
  }),
};

const deps = (c: Context<AppEnv>): EndpointDeps => ({
  db: c.var.db,
  queue: c.env.INTEGRATIONS_QUEUE,
  appUrl: c.env.APP_URL,
  cipher: tokenCipher(c.env),
});

export const webhookEndpointRoutes = router()
  .openapi(routes.create, async (c) => {
    const endpoint = await createEndpoint(deps(c), c.get("session"), c.req.valid("json"), c.var.now);
    await audit(c, "webhook_endpoint.create", endpoint.id, { url: endpoint.url, events: endpoint.events });
    return c.json({ endpoint }, 201);
  })
  .openapi(routes.list, async (c) => {
    const rows = await listEndpoints(c.var.db, c.get("session").workspaceId);
    return c.json({ endpoints: rows.map(endpointView) }, 200);
  })
  .openapi(routes.patch, async (c) => {
    const patch = c.req.valid("json");
    const endpoint = await changeEndpoint(deps(c), c.get("session").workspaceId, c.req.valid("param").id, patch, c.var.now);
    await audit(c, "webhook_endpoint.change", endpoint.id, { fields: Object.keys(patch), enabled: endpoint.enabled });
    return c.json({ endpoint }, 200);
  })
  .openapi(routes.remove, async (c) => {
    const { id } = c.req.valid("param");
    await removeEndpoint(c.var.db, c.get("session").workspaceId, id);
    await audit(c, "webhook_endpoint.delete", id);
    return c.body(null, 204);
  })
  .openapi(routes.rotate, async (c) => {
    const endpoint = await rotateSecret(deps(c), c.get("session").workspaceId, c.req.valid("param").id, c.var.now);
    await audit(c, "webhook_endpoint.rotate_secret", endpoint.id);
    return c.json({ endpoint }, 200);
  })
  .openapi(routes.test, async (c) => {
    const delivery = await sendTest(deps(c), c.get("session").workspaceId, c.req.valid("param").id, c.var.now);
    return c.json({ delivery }, 202);
  })
  .openapi(routes.deliveries, async (c) => {
    return c.json({ deliveries: await deliveries(c.var.db, c.get("session").workspaceId, c.req.valid("param").id) }, 200);
  })
  .openapi(routes.redeliver, async (c) => {
    const { id, deliveryId } = c.req.valid("param");
    const delivery = await redeliver(deps(c), c.get("session").workspaceId, id, deliveryId, c.var.now);
    return c.json({ delivery }, 202);
  });
