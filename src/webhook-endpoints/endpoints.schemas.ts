// The outgoing webhooks contract: endpoints (the secret is in the create and rotate answers only) and their
// delivery log. Pure: the web app imports these types.
import { z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../events/event-types";
import { idString } from "../shared/text.schemas";

const Events = z
  .array(z.enum(EVENT_TYPES))
  .min(1, "Pick at least one event")
  .max(EVENT_TYPES.length)
  .refine((list) => new Set(list).size === list.length, "Each event once");

const Url = z
  .string()
  .min(1)
  .max(2000)
  .regex(/^[\x21-\x7e]+$/, "Not a valid URL");

export const NewEndpoint = z.object({ url: Url, events: Events }).strict().openapi("NewWebhookEndpoint");

export const EndpointPatch = z
  .object({ url: Url.optional(), events: Events.optional(), enabled: z.boolean().optional() })
  .strict()
  .openapi("WebhookEndpointPatch");

export const Endpoint = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(EVENT_TYPES)),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("WebhookEndpoint");

export const EndpointWithSecret = Endpoint.extend({
  secret: z.string().openapi({ description: "Shown here only: verify `Postflare-Signature` with it" }),
}).openapi("WebhookEndpointWithSecret");

export const CreatedEndpoint = z.object({ endpoint: EndpointWithSecret });
export const EndpointResponse = z.object({ endpoint: Endpoint });
export const EndpointList = z.object({ endpoints: z.array(Endpoint) });
export const EndpointId = z.object({ id: idString("endpoint id") });
export const DeliveryParams = z.object({ id: idString("endpoint id"), deliveryId: idString("delivery id") });

export const Delivery = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    kind: z.enum(["event", "redelivery", "test"]),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    responseStatus: z.number().int().nullable(),
    responseExcerpt: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("WebhookDelivery");

export const DeliveryResponse = z.object({ delivery: Delivery });
export const DeliveryList = z.object({ deliveries: z.array(Delivery) });
