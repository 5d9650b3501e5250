// Messages on the integrations queue. They outlive deploys, so the consumer validates them with zod.
import { z } from "zod";

/** Turn pending integration events into deliveries (sent by the tick when some wait, and again while more do). */
export const DispatchMessage = z.object({ kind: z.literal("dispatch") });
/** One attempt of one outgoing webhook delivery. */
export const WebhookMessage = z.object({ kind: z.literal("webhook"), deliveryId: z.string().min(1) });
/** One attempt of one alert outside the app (email, Slack, Discord). */
export const AlertMessage = z.object({ kind: z.literal("alert"), alertId: z.string().min(1) });

export const IntegrationMessage = z.discriminatedUnion("kind", [DispatchMessage, WebhookMessage, AlertMessage]);
export type IntegrationMessage = z.infer<typeof IntegrationMessage>;

/** Cloudflare Queues takes at most 100 messages per sendBatch. */
export async function sendAll(queue: Queue, messages: IntegrationMessage[]) {
  for (let i = 0; i < messages.length; i += 100) await queue.sendBatch(messages.slice(i, i + 100).map((body) => ({ body })));
}
