// Nothing stays `publishing` for ever: a post publishing for long whose account publisher no longer
// holds a job for it (lost state, a bug) is resolved as unconfirmed — never re-sent on a guess.
import type { Database } from "../db/client";
import { transitionOne } from "../posts/post-transitions";
import { publishingSince } from "./scheduler.repo";

/** Publishing normally ends within minutes; the publisher itself gives TikTok an hour. */
export const STUCK_AFTER_MS = 75 * 60 * 1000;
const MESSAGE = "Publishing stopped without an outcome from TikTok. Check the TikTok profile before publishing this again.";

export async function sweepStuckPublishing(db: Database, env: Env, now: number) {
  let resolved = 0;
  for (const post of await publishingSince(db, now - STUCK_AFTER_MS)) {
    if (await env.ACCOUNT_PUBLISHER.getByName(post.accountId).holds(post.id)) continue;
    const row = await transitionOne(
      db,
      "sweep",
      { postId: post.id },
      { set: { lastErrorCode: "unconfirmed", lastErrorMessage: MESSAGE }, event: { type: "unconfirmed", message: MESSAGE } },
      now,
    );
    if (row) resolved += 1;
  }
  return resolved;
}
