// Between a request and the account's Durable Object, which is a queued post's authority until its init leaves
// (issue 15): a post claimed by a request is handed over at once (the queue only if that fails), and an edit or a
// cancel of a queued post withdraws it there first, so what goes out at the second is never stale.
import type { Database } from "../db/client";
import type { PostRow } from "../db/schema";
import { CLAIM_WINDOW_MS, claimDuePosts, enqueue, publishMessage } from "../scheduler/claim";
import { AppError } from "../shared/errors";

export type PostsDeps = { db: Database; queue: Queue; publishers: Env["ACCOUNT_PUBLISHER"] };

/** A post due within the claim window is claimed and handed to its publisher now, not at the next tick. */
export async function handOverIfDueSoon(deps: PostsDeps, post: Pick<PostRow, "id" | "status" | "scheduledAt">, now: number) {
  if (post.status !== "scheduled" || post.scheduledAt === null || post.scheduledAt > now + CLAIM_WINDOW_MS) return;
  const messages = (await claimDuePosts(deps.db, now, now + CLAIM_WINDOW_MS, post.id)).map(publishMessage);
  for (const message of messages) {
    try {
      await deps.publishers.getByName(message.accountId).schedule(message);
    } catch (error) {
      console.error("direct hand-over failed; the queue delivers it", message.postId, error);
      await enqueue(deps.queue, [message]);
    }
  }
}

/** Before an edit or cancel of a queued post: its publisher gives the claim back, or says the init already left. */
export async function withdrawFromPublisher(deps: PostsDeps, post: PostRow, refusal: { code: string; message: string }) {
  if (post.status !== "queued" || !post.claimToken) return;
  const answer = await deps.publishers.getByName(post.accountId).release(post.id, post.claimToken);
  if (answer === "started") throw new AppError(409, refusal.code, refusal.message);
}
