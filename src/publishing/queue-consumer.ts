// Publish queue consumer: hands each claimed post to its account's Durable Object. The dead-letter
// consumer marks posts whose message exhausted its retries as failed, with the cause.
import { and, eq, inArray } from "drizzle-orm";
import { database } from "../db/client";
import { posts } from "../db/schema";
import { recordEvent } from "../posts/post-events";
import { PublishMessage, QueueMessage } from "./messages";
import { backoffMs } from "./retry";

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
      else await publisher.preflight(parsed.data);
      message.ack();
    } catch (error) {
      console.error("handing post to its publisher failed", parsed.data.postId, error);
      message.retry({ delaySeconds: Math.ceil(backoffMs(message.attempts) / 1000) });
    }
  }
}

export async function consumeDeadLetters(batch: MessageBatch<unknown>, env: Env) {
  const db = database(env.DB);
  for (const message of batch.messages) {
    const parsed = PublishMessage.safeParse(message.body);
    if (parsed.success) {
      const now = Date.now();
      const reason = "Postflare could not hand this post to its publisher after several attempts. Reschedule it.";
      const [row] = await db
        .update(posts)
        .set({ status: "failed", lastErrorCode: "dead_lettered", lastErrorMessage: reason, updatedAt: now })
        .where(and(eq(posts.id, parsed.data.postId), eq(posts.claimToken, parsed.data.claimToken), inArray(posts.status, ["queued"])))
        .returning({ id: posts.id });
      if (row) await recordEvent(db, { postId: row.id, at: now, type: "failed", message: reason });
    }
    message.ack();
  }
}
