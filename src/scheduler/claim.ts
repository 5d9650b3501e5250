// Claiming due posts: conditional moves scheduled → queued (posts/post-transitions.ts), so no post can be claimed
// twice, then one queue message per post, delivered ahead of its second. Every post due in the window is claimed
// by the same tick, however many share a second: claims go in batches, sends in parallel.
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { posts } from "../db/schema";
import { isoSql, transitionMany } from "../posts/post-transitions";
import type { PublishMessage } from "../publishing/messages";
import { randomToken } from "../shared/crypto";
import { type ClaimRow, snapshotsOfClaim } from "./scheduler.repo";

/** Posts due before now + window are claimed; the window overlaps the next tick by a few seconds. */
export const CLAIM_WINDOW_MS = 65_000;
/** Posts moved per statement: bounded rows and response size per D1 call; a tick loops until none are left. */
export const CLAIM_BATCH = 5_000;
const QUEUE_BATCH = 100; // sendBatch accepts at most 100 messages

/** Claims every scheduled post due before `dueBefore` (optionally only `postId`). */
export async function claimDuePosts(db: Database, now: number, dueBefore: number, postId?: string): Promise<ClaimRow[]> {
  const all: ClaimRow[] = [];
  for (;;) {
    const batch = await claimBatch(db, now, dueBefore, postId);
    all.push(...batch);
    if (batch.length < CLAIM_BATCH) return all;
  }
}

async function claimBatch(db: Database, now: number, dueBefore: number, postId?: string): Promise<ClaimRow[]> {
  const token = `clm_${randomToken(12)}`;
  const onlyPost = postId ? sql`AND id = ${postId}` : sql``;
  // The range is repeated outside the subquery so the (status, scheduled_at) index bounds the whole statement to
  // due posts; with `status` alone the planner walked every scheduled post (measured: 130,000 rows per batch).
  const due = sql`${posts.scheduledAt} <= ${dueBefore} AND ${posts.id} IN (
    SELECT id FROM posts WHERE status = 'scheduled' AND scheduled_at <= ${dueBefore} ${onlyPost}
    ORDER BY scheduled_at, id LIMIT ${CLAIM_BATCH})`;
  const claimed = await transitionMany(
    db,
    "claim",
    { where: due },
    {
      set: { claimToken: token, claimedAt: now },
      event: { type: "queued", message: sql`'Queued to start at ' || ${isoSql(posts.scheduledAt)}` },
    },
    now,
  );
  if (claimed.length === 0) return [];
  const snapshots = await snapshotsOfClaim(db, token);
  return claimed.map((p) => ({
    id: p.id,
    account_id: p.accountId,
    scheduled_at: p.scheduledAt!,
    claim_token: token,
    post: snapshots.get(p.id),
  }));
}

export function publishMessage(p: ClaimRow): PublishMessage {
  const message: PublishMessage = {
    kind: "publish",
    postId: p.id,
    accountId: p.account_id,
    claimToken: p.claim_token,
    scheduledAt: p.scheduled_at,
  };
  return p.post ? { ...message, post: p.post } : message;
}

/**
 * Messages go out at once: the account's Durable Object keeps the post until it prepares it (5–30 s before
 * its second) and sends its init on the millisecond. Delivering at once spreads a busy second's messages over the
 * minute before it (a queue carries ~5,000 messages/s; delaying them all to the same moment would bunch them).
 * sendBatch takes ≤ 100 messages and ≤ 256 KB; a message with its post's caption is a few KB.
 */
const BATCH_BYTES = 200_000;

export async function enqueue(queue: Queue, messages: PublishMessage[]) {
  await Promise.all(batchesOf(messages).map((batch) => queue.sendBatch(batch.map((body) => ({ body, contentType: "json" as const })))));
}

function batchesOf(messages: PublishMessage[]) {
  const batches: PublishMessage[][] = [];
  let current: PublishMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = JSON.stringify(message).length * 3; // UTF-8 bytes, at most 3 per UTF-16 unit
    if (current.length === QUEUE_BATCH || (current.length > 0 && bytes + size > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
