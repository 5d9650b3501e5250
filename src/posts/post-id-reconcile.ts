// A fact the account sync learns after publishing: the public id of a post TikTok published without naming it
// (`publicaly_available_post_id` is often empty), found in the creator's video list (src/sync/step-reconcile.ts).
// Recorded like post-progress.ts's recordPostId, with its timeline event, only while no id is known.
import { isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { posts } from "../db/schema";
import { annotate } from "./post-transitions";

export async function recordReconciledPostId(db: Database, postId: string, tiktokPostId: string, how: string, now: number) {
  const rows = await annotate(
    db,
    ["published"],
    { postId, where: isNull(posts.tiktokPostId) },
    {
      set: { tiktokPostId },
      event: {
        type: "post_id_reconciled",
        message: `TikTok post id ${tiktokPostId}, found in the creator's videos (${how})`,
        data: { tiktokPostId },
      },
    },
    now,
  );
  return rows.length > 0;
}
