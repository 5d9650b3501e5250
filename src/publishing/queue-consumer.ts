// Publish queue consumer: hands each claimed post to its account's Durable Object. The dead-letter
// consumer marks posts whose message exhausted its retries as failed, with the cause.
import type { Database } from "../db/client";
import { transitionOne } from "../posts/post-transitions";
import { PublishMessage, QueueMessage } from "./messages";
import { backoffMs } from "./retry";

const DEAD_LETTERED = "Postflare could not hand this post to its publisher after several attempts. Reschedule it.";

export async function consumePublishQueue(batch: MessageBatch<unknown>, env: Env) {
  for (const message of batch.messages) {
    const parsed = QueueMessage.safeParse(message.body);
    if (!parsed.success) {
      console.error("dropping malformed publish message", message.id, parsed.error.issues);
      message.ack();
      continue;
    }
    try {
      const publisher = env.ACCOUNT_PUBLISHER.getByName(parsed.data.accountId);
      if (parsed.data.kind === "publish") await publisher.schedule(parsed.data);
      else if (parsed.data.kind === "sync") await publisher.sync(parsed.data);
      else await publisher.preflight(parsed.data);
      message.ack();
    } catch (error) {
      console.error("handing a message to its publisher failed", parsed.data.kind, parsed.data.accountId, error);
      message.retry({ delaySeconds: Math.ceil(backoffMs(message.attempts) / 1000) });
    }
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
