// The answer to TikTok's webhook deliveries (part of the API contract).
import { z } from "@hono/zod-openapi";

export const WebhookAck = z.object({ ok: z.boolean(), duplicate: z.boolean() }).openapi("WebhookAck");
