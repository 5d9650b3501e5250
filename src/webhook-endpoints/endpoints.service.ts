// Outgoing webhook endpoints: register (the secret is answered once), change, disable, rotate the secret, send a
// test, redeliver, and read the delivery log. Deliveries themselves are made by deliver.ts from the queue.
import type { Database } from "../db/client";
import type { DeliveryRow, EndpointRow } from "../db/schema";
import type { EventType } from "../events/event-types";
import { findEvent, insertDispatchedEvent } from "../events/events.repo";
import { type IntegrationMessage, sendAll } from "../events/messages";
import { randomToken } from "../shared/crypto";
import { AppError, notFound } from "../shared/errors";
import { iso } from "../shared/http";
import { endpointOwner, sealSecret } from "../shared/sealed-secret";
import type { TokenCipher } from "../shared/token-cipher";
import {
  deleteEndpoint,
  findDelivery,
  findEndpoint,
  insertDeliveries,
  insertEndpoint,
  listDeliveries,
  updateEndpoint,
} from "./endpoints.repo";
import { newSecret } from "./signature";
import { checkOutgoingUrl } from "./url-policy";

export type EndpointDeps = { db: Database; queue: Queue; appUrl: string; cipher: TokenCipher };
type Scope = { workspaceId: string; userId: string };

export function newDelivery(endpointId: string, eventId: string, kind: DeliveryRow["kind"], now: number): DeliveryRow {
  return {
    id: `whd_${randomToken(12)}`,
    endpointId,
    eventId,
    kind,
    status: "pending",
    attempts: 0,
    leaseUntil: null,
    nextAttemptAt: now,
    lastAttemptAt: null,
    responseStatus: null,
    responseExcerpt: null,
    error: null,
    createdAt: now,
  };
}

export function endpointView(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as EventType[],
    enabled: row.enabled,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}

export function deliveryView({ delivery: d, eventType }: { delivery: DeliveryRow; eventType: string }) {
  const { endpointId: _e, leaseUntil: _l, ...rest } = d;
  return {
    ...rest,
    eventType,
    nextAttemptAt: d.status === "pending" ? iso(d.nextAttemptAt) : null,
    lastAttemptAt: iso(d.lastAttemptAt),
    createdAt: iso(d.createdAt)!,
  };
}

export async function createEndpoint(deps: EndpointDeps, scope: Scope, input: { url: string; events: EventType[] }, now: number) {
  const id = `whe_${randomToken(12)}`;
  const secret = newSecret();
  const row: EndpointRow = {
    id,
    workspaceId: scope.workspaceId,
    url: checkOutgoingUrl(input.url, deps.appUrl),
    events: JSON.stringify(input.events),
    secret: await sealSecret(deps.cipher, endpointOwner(id), secret),
    enabled: true,
    createdBy: scope.userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertEndpoint(deps.db, row);
  return { ...endpointView(row), secret };
}

type Patch = { url?: string; events?: EventType[]; enabled?: boolean };

export async function changeEndpoint(deps: EndpointDeps, workspaceId: string, id: string, patch: Patch, now: number) {
  const set: Partial<EndpointRow> = { updatedAt: now };
  if (patch.url !== undefined) set.url = checkOutgoingUrl(patch.url, deps.appUrl);
  if (patch.events !== undefined) set.events = JSON.stringify(patch.events);
  if (patch.enabled !== undefined) set.enabled = patch.enabled;
  const row = await updateEndpoint(deps.db, workspaceId, id, set);
  if (!row) throw notFound("Webhook endpoint");
  return endpointView(row);
}

export async function removeEndpoint(db: Database, workspaceId: string, id: string) {
  if (!(await deleteEndpoint(db, workspaceId, id))) throw notFound("Webhook endpoint");
}

/** A new secret, effective at once (the old one stops verifying): answered here only. */
export async function rotateSecret(deps: EndpointDeps, workspaceId: string, id: string, now: number) {
  const secret = newSecret();
  const sealed = await sealSecret(deps.cipher, endpointOwner(id), secret);
  const row = await updateEndpoint(deps.db, workspaceId, id, { secret: sealed, updatedAt: now });
  if (!row) throw notFound("Webhook endpoint");
  return { ...endpointView(row), secret };
}

async function enabledEndpoint(db: Database, workspaceId: string, id: string) {
  const endpoint = await findEndpoint(db, workspaceId, id);
  if (!endpoint) throw notFound("Webhook endpoint");
  if (!endpoint.enabled) throw new AppError(409, "endpoint_disabled", "Enable this endpoint before sending to it");
  return endpoint;
}

async function queueDelivery(deps: EndpointDeps, row: DeliveryRow, eventType: string) {
  await insertDeliveries(deps.db, [row]);
  await sendAll(deps.queue, [{ kind: "webhook", deliveryId: row.id } satisfies IntegrationMessage]);
  return deliveryView({ delivery: row, eventType });
}

/** A `ping` event to this endpoint alone, signed like any other. */
export async function sendTest(deps: EndpointDeps, workspaceId: string, id: string, now: number) {
  const endpoint = await enabledEndpoint(deps.db, workspaceId, id);
  const eventId = `evt_${randomToken(12)}`;
  const body = { id: eventId, type: "ping", createdAt: iso(now)!, data: { endpoint: { id: endpoint.id, url: endpoint.url } } };
  const event = {
    id: eventId,
    workspaceId,
    type: "ping",
    postId: null,
    accountId: null,
    videoId: null,
    dedupeKey: eventId,
    createdAt: now,
  };
  await insertDispatchedEvent(deps.db, { ...event, payload: JSON.stringify(body), dispatchedAt: now });
  return queueDelivery(deps, newDelivery(endpoint.id, eventId, "test", now), "ping");
}

/** The same event (same id and body) sent again as a new delivery, whatever became of the first. */
export async function redeliver(deps: EndpointDeps, workspaceId: string, id: string, deliveryId: string, now: number) {
  const endpoint = await enabledEndpoint(deps.db, workspaceId, id);
  const found = await findDelivery(deps.db, endpoint.id, deliveryId);
  if (!found || !(await findEvent(deps.db, found.delivery.eventId))) throw notFound("Delivery");
  return queueDelivery(deps, newDelivery(endpoint.id, found.delivery.eventId, "redelivery", now), found.eventType);
}

export async function deliveries(db: Database, workspaceId: string, id: string) {
  const endpoint = await findEndpoint(db, workspaceId, id);
  if (!endpoint) throw notFound("Webhook endpoint");
  return (await listDeliveries(db, endpoint.id)).map(deliveryView);
}
