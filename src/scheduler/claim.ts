// Claiming due posts: one conditional UPDATE … RETURNING, so no post can be claimed twice, then
// one queue message per post delayed to its own second.
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { randomToken } from "../shared/crypto";
import { insertEvents } from "../posts/post-events";
import type { PublishMessage } from "../publishing/messages";

/** Posts due before now + window are claimed; the window overlaps the next tick by a few seconds. */
export const CLAIM_WINDOW_MS = 65_000;
export const MAX_CLAIM_PER_TICK = 2_000;
const QUEUE_BATCH = 100; // sendBatch accepts at most 100 messages

type Claimed = { id: string; account_id: string; scheduled_at: number; claim_token: string };

/** Claims scheduled posts due before `dueBefore` (optionally only `postId`). */
export async function claimDuePosts(db: Database, now: number, dueBefore: number, postId?: string): Promise<Claimed[]> {
  const token = `clm_${randomToken(12)}`;
  const onlyPost = postId ? sql`AND id = ${postId}` : sql``;
  const claimed = await db.all<Claimed>(sql`
    UPDATE posts SET status = 'queued', claim_token = ${token}, claimed_at = ${now}, updated_at = ${now}
    WHERE id IN (
      SELECT id FROM posts
      WHERE status = 'scheduled' AND scheduled_at <= ${dueBefore} ${onlyPost}
      ORDER BY scheduled_at LIMIT ${MAX_CLAIM_PER_TICK}
    )
    RETURNING id, account_id, scheduled_at, claim_token`);
  if (claimed.length > 0) {
    const events = claimed.map((p) => ({
      postId: p.id,
      at: now,
      type: "queued",
      message: `Queued to start at ${new Date(p.scheduled_at).toISOString()}`,
    }));
    const [first, ...rest] = insertEvents(db, events);
    if (first) await db.batch([first, ...rest]);
  }
  return claimed;
}

export function publishMessage(p: Claimed): PublishMessage {
  return { kind: "publish", postId: p.id, accountId: p.account_id, claimToken: p.claim_token, scheduledAt: p.scheduled_at };
}

/**
 * Messages are delivered this much ahead of their post's time. delaySeconds is whole seconds and a consumer
 * may wait up to max_batch_timeout for a batch: arriving early lets the account's Durable Object arm its
 * alarm, which then fires on the exact millisecond (measured: on-time delivery left posts ~0.45 s late).
 */
export const DELIVERY_LEAD_S = 2;

export async function enqueue(queue: Queue, messages: PublishMessage[], now: number) {
  for (let i = 0; i < messages.length; i += QUEUE_BATCH) {
    await queue.sendBatch(
      messages.slice(i, i + QUEUE_BATCH).map((body) => ({
        body,
        contentType: "json" as const,
        delaySeconds: Math.min(86_400, Math.max(0, Math.floor((body.scheduledAt - now) / 1000) - DELIVERY_LEAD_S)),
      })),
    );
  }
}
