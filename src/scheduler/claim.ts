// Claiming due posts: one conditional move scheduled → queued (posts/post-transitions.ts), so no post can be
// claimed twice, then one queue message per post delayed to its own second.
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { posts } from "../db/schema";
import { isoSql, transition } from "../posts/post-transitions";
import type { PublishMessage } from "../publishing/messages";
import { randomToken } from "../shared/crypto";
import type { ClaimRow } from "./scheduler.repo";

/** Posts due before now + window are claimed; the window overlaps the next tick by a few seconds. */
export const CLAIM_WINDOW_MS = 65_000;
export const MAX_CLAIM_PER_TICK = 2_000;
const QUEUE_BATCH = 100; // sendBatch accepts at most 100 messages

/** Claims scheduled posts due before `dueBefore` (optionally only `postId`). */
export async function claimDuePosts(db: Database, now: number, dueBefore: number, postId?: string): Promise<ClaimRow[]> {
  const token = `clm_${randomToken(12)}`;
  const onlyPost = postId ? sql`AND id = ${postId}` : sql``;
  const due = sql`${posts.id} IN (
    SELECT id FROM posts WHERE status = 'scheduled' AND scheduled_at <= ${dueBefore} ${onlyPost}
    ORDER BY scheduled_at, id LIMIT ${MAX_CLAIM_PER_TICK})`;
  const claimed = await transition(
    db,
    "claim",
    { where: due },
    {
      set: { claimToken: token, claimedAt: now },
      event: { type: "queued", message: sql`'Queued to start at ' || ${isoSql(posts.scheduledAt)}` },
    },
    now,
  );
  // Only `scheduled` posts are claimed, and only drafts lack a time (migration 0002's CHECK).
  return claimed.map((p) => ({ id: p.id, account_id: p.accountId, scheduled_at: p.scheduledAt!, claim_token: token }));
}

export function publishMessage(p: ClaimRow): PublishMessage {
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
