// What happens to an account's waiting posts when the account goes away (disconnected in Postflare, or access
// removed in TikTok): every post not yet sent to TikTok is cancelled, with the reason in its timeline.
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { posts } from "../db/schema";
import { bumpVersion, transition } from "./post-transitions";

export async function cancelAccountPosts(db: Database, accountId: string, reason: string, now: number) {
  const cancelled = await transition(
    db,
    "cancel",
    { where: eq(posts.accountId, accountId) },
    {
      set: { claimToken: null, version: bumpVersion(), lastErrorCode: "account_disconnected", lastErrorMessage: reason },
      event: { type: "cancelled", message: `Cancelled: ${reason}` },
    },
    now,
  );
  return cancelled.length;
}
