// The planner's moves on posts (issue 13): a new post into its account's next free queue slot, "Undo" right after a
// cancel, and bulk cancel / reschedule (each post through the same checks as one at a time).
import { gte } from "drizzle-orm";
import { posts } from "../db/schema";
import { AppError, notFound } from "../shared/errors";
import { nextSlotFor } from "../slots/slots.service";
import type { BulkAction, NewQueuedPost } from "./drafts.schemas";
import { UNDO_CANCEL_MS } from "./post-limits";
import { bumpVersion, transitionOne } from "./post-transitions";
import { findPost } from "./posts.repo";
import { cancelPost, createPost, enqueueIfDueSoon, type PostsDeps, updatePost } from "./posts.service";

type Actor = { workspaceId: string; userId: string };

/** "Add to queue": the post takes the account's next free slot, in the schedule's time zone. */
export async function queuePost(deps: PostsDeps, actor: Actor, input: NewQueuedPost, now: number) {
  const slot = await nextSlotFor(deps.db, actor.workspaceId, input.accountId, now);
  return createPost(deps, actor, { ...input, scheduledAt: new Date(slot.at).toISOString(), timezone: slot.timezone }, now);
}

/** Undoes a cancel made moments ago: the post is scheduled again at its time (at once if that time has come). */
export async function restorePost(deps: PostsDeps, actor: Actor, postId: string, now: number) {
  const current = await findPost(deps.db, actor.workspaceId, postId);
  if (!current) throw notFound("Post");
  const restored = await transitionOne(
    deps.db,
    "restore",
    { postId, where: gte(posts.updatedAt, now - UNDO_CANCEL_MS) },
    { set: { version: bumpVersion(), claimToken: null, claimedAt: null }, event: { type: "restored", message: "Cancel undone" } },
    now,
  );
  if (!restored) {
    throw new AppError(409, "post_not_restorable", "Only a post cancelled in the last minute can be restored; duplicate it instead");
  }
  await enqueueIfDueSoon(deps, restored, now);
  return (await findPost(deps.db, actor.workspaceId, postId))!;
}

type Outcome = {
  id: string;
  ok: boolean;
  post: Awaited<ReturnType<typeof cancelPost>> | null;
  error: { code: string; message: string } | null;
};

/** Applies one action to each post in turn; a post that cannot move says why and the others still move. */
export async function bulkAction(deps: PostsDeps, actor: Actor, action: BulkAction, now: number): Promise<Outcome[]> {
  const results: Outcome[] = [];
  for (const id of new Set(action.ids)) {
    try {
      const post =
        action.action === "cancel" ? await cancelPost(deps.db, actor, id, now) : await shift(deps, actor, id, action.shiftMinutes, now);
      results.push({ id, ok: true, post, error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, post: null, error: { code: error.code, message: error.message } });
    }
  }
  return results;
}

async function shift(deps: PostsDeps, actor: Actor, postId: string, minutes: number, now: number) {
  const current = await findPost(deps.db, actor.workspaceId, postId);
  if (!current) throw notFound("Post");
  if (current.scheduledAt === null) throw new AppError(409, "post_not_editable", "This post is a draft; schedule it instead");
  const scheduledAt = new Date(current.scheduledAt + minutes * 60_000).toISOString();
  return (await updatePost(deps, actor, postId, { scheduledAt }, now)).post;
}
