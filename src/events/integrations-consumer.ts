// The integrations queue consumer: dispatch messages fan events out, webhook and alert messages make one attempt.
import { attemptAlert } from "../alerts/alert-send";
import type { Database } from "../db/client";
import { announceNotifications } from "../live/live-feed";
import { tokenCipher } from "../shared/token-cipher";
import { attemptDelivery } from "../webhook-endpoints/deliver";
import { dispatchEvents } from "./dispatch";
import { IntegrationMessage } from "./messages";

export async function consumeIntegrations(batch: MessageBatch<unknown>, db: Database, env: Env, now: number) {
  const queue = env.INTEGRATIONS_QUEUE;
  for (const message of batch.messages) {
    const parsed = IntegrationMessage.safeParse(message.body);
    if (!parsed.success) {
      console.error("dropping malformed integrations message", message.id, parsed.error.issues);
      message.ack();
      continue;
    }
    const body = parsed.data;
    try {
      if (body.kind === "dispatch") {
        const { more, notified } = await dispatchEvents(db, queue, env.APP_URL, now);
        await announceNotifications(env, notified);
        if (more) await queue.send({ kind: "dispatch" } satisfies IntegrationMessage);
      } else if (body.kind === "alert") {
        await attemptAlert(db, env, body.alertId, now, async (alertId, delaySeconds) => {
          await queue.send({ kind: "alert", alertId } satisfies IntegrationMessage, { delaySeconds });
        });
      } else {
        await attemptDelivery(db, tokenCipher(env), body.deliveryId, now, async (deliveryId, delaySeconds) => {
          await queue.send({ kind: "webhook", deliveryId } satisfies IntegrationMessage, { delaySeconds });
        });
      }
      message.ack();
    } catch (error) {
      console.error("integrations message failed", body.kind, error);
      message.retry({ delaySeconds: Math.min(60 * message.attempts, 600) });
    }
  }
}
