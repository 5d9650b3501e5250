// Publish queue consumer: hands each claimed post to its account's Durable Object. The dead-letter
// consumer marks posts whose message exhausted its retries as failed, with the cause.
import type { Database } from "../db/client";
import type { Metrics } from "../observability/metrics";
import { transitionOne } from "../posts/post-transitions";
import { PublishMessage, QueueMessage } from "./messages";
import { backoffMs } from "./retry";

const DEAD_LETTERED = "Postflare could not hand this post to its publisher after several attempts. Reschedule it.";

/** Hands every message of the batch to its publisher side by side (one slow object holds back no other). */
export async function consumePublishQueue(batch: MessageBatch<unknown>, env: Env, metrics: Metrics, now: number) {
  await Promise.all(batch.messages.map((message) => handOver(message, env, metrics, now)));
}

async function handOver(message: Message<unknown>, env: Env, metrics: Metrics, now: number) {
  const parsed = QueueMessage.safeParse(message.body);
  if (!parsed.success) {
    console.error("dropping malformed publish message", message.id, parsed.error.issues);
    message.ack();
    return;
  }
  const body = parsed.data;
  try {
    const publisher = env.ACCOUNT_PUBLISHER.getByName(body.accountId);
    if (body.kind === "publish") {
      // Messages are sent for immediate delivery: the delay is the queue's own.
      const intended = message.timestamp.getTime();
      metrics.record({
        name: "queue_delay_ms",
        value: Math.max(0, now - intended),
        at: now,
        accountId: body.accountId,
        postId: body.postId,
      });
      await publisher.schedule(body);
    } else if (body.kind === "sync") await publisher.sync(body);
    else await publisher.preflight(body);
    message.ack();
  } catch (error) {
    console.error("handing a message to its publisher failed", body.kind, body.accountId, error);
    message.retry({ delaySeconds: Math.ceil(backoffMs(message.attempts) / 1000) });
  }
}

export async function consumeDeadLetters(batch: MessageBatch<unknown>, db: Database, now: number) {
  for (const message of batch.messages) {
    const parsed = PublishMessage.safeParse(message.body);
    if (parsed.success) {
      const { postId, claimToken } = parsed.data;
      const set = { lastErrorCode: "dead_lettered", lastErrorMessage: DEAD_LETTERED };
      await transitionOne(db, "deadLetter", { postId, claimToken }, { set, event: { type: "failed", message: DEAD_LETTERED } }, now);
    }
    message.ack();
  }
}
