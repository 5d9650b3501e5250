// Nothing stays `publishing` for ever: a post publishing for long whose account publisher no longer
// holds a job for it (lost state, a bug) is resolved as unconfirmed — never re-sent on a guess.
import { and, eq, lt } from "drizzle-orm";
import type { Database } from "../db/client";
import { posts } from "../db/schema";
import { recordEvent } from "../posts/post-events";

/** Publishing normally ends within minutes; the publisher itself gives TikTok an hour. */
export const STUCK_AFTER_MS = 75 * 60 * 1000;

export async function sweepStuckPublishing(db: Database, env: Env, now: number) {
  const stuck = await db
    .select({ id: posts.id, accountId: posts.accountId })
    .from(posts)
    .where(and(eq(posts.status, "publishing"), lt(posts.updatedAt, now - STUCK_AFTER_MS)))
    .limit(50);
  let resolved = 0;
  for (const post of stuck) {
    if (await env.ACCOUNT_PUBLISHER.getByName(post.accountId).holds(post.id)) continue;
    const message = "Publishing stopped without an outcome from TikTok. Check the TikTok profile before publishing this again.";
    const [row] = await db
      .update(posts)
      .set({ status: "unconfirmed", lastErrorCode: "unconfirmed", lastErrorMessage: message, updatedAt: now })
      .where(and(eq(posts.id, post.id), eq(posts.status, "publishing")))
      .returning({ id: posts.id });
    if (row) {
      resolved += 1;
      await recordEvent(db, { postId: post.id, at: now, type: "unconfirmed", message });
    }
  }
  return resolved;
}
