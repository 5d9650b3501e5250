// The planner's moves on posts (issue 13): a new post into its account's next free queue slot, "Undo" right after a
// cancel, and bulk cancel / reschedule (each post through the same checks as one at a time).
import { and, gte, sql } from "drizzle-orm";
import { findAccount } from "../accounts/accounts.repo";
import { posts } from "../db/schema";
import { AppError, notFound } from "../shared/errors";
import { nextSlotFor } from "../slots/slots.service";
import type { BulkAction, NewQueuedPost } from "./drafts.schemas";
import { handOverIfDueSoon } from "./post-handover";
import { UNDO_CANCEL_MS } from "./post-limits";
import { bumpVersion, transitionOne } from "./post-transitions";
import { findPost, workspacePostIds } from "./posts.repo";
import { type Actor, cancelPost, createPost, needsApproval, type PostsDeps, updatePost } from "./posts.service";

/** "Add to queue": the post takes the account's next free slot, in the schedule's time zone. */
export async function queuePost(deps: PostsDeps, actor: Actor, input: NewQueuedPost, now: number) {
  if (!(await findAccount(deps.db, actor.workspaceId, input.accountId))) {
    throw new AppError(404, "account_not_found", "That TikTok account is not connected to this workspace");
  }
  const slot = await nextSlotFor(deps.db, actor.workspaceId, input.accountId, now);
  return createPost(deps, actor, { ...input, scheduledAt: new Date(slot.at).toISOString(), timezone: slot.timezone }, now);
}

/**
 * An admin's rejection also ends in `cancelled`, and an undo may not reverse it. Written out in full: the same
 * predicate guards the move's event insert and its UPDATE (post-transitions.ts), so it must not read its own event.
 */
const neverRejected = sql`NOT EXISTS (SELECT 1 FROM post_events WHERE post_events.post_id = "posts"."id" AND post_events.type = 'rejected')`;

/**
 * Undoes a cancel made moments ago: the post is scheduled again at its time (at once if that time has come), or
 * waits for an admin again when an editor undoes it in a workspace that wants approvals.
 */
export async function restorePost(deps: PostsDeps, actor: Actor, postId: string, now: number) {
  const current = await findPost(deps.db, actor.workspaceId, postId);
  if (!current) throw notFound("Post");
  // A disconnected account's posts were cancelled for it; they come back only once it is reconnected.
  const account = await findAccount(deps.db, actor.workspaceId, current.accountId);
  if (account?.status !== "active") {
    throw new AppError(409, "account_needs_reconnect", "Reconnect this TikTok account before scheduling to it");
  }
  const pending = await needsApproval(deps.db, actor);
  const restored = await transitionOne(
    deps.db,
    pending ? "restoreForApproval" : "restore",
    { postId, where: and(gte(posts.updatedAt, now - UNDO_CANCEL_MS), neverRejected) },
    { set: { version: bumpVersion(), claimToken: null, claimedAt: null }, event: { type: "restored", message: "Cancel undone" } },
    now,
  );
  if (!restored) {
    throw new AppError(409, "post_not_restorable", "Only a post cancelled in the last minute can be restored; duplicate it instead");
  }
  await handOverIfDueSoon(deps, restored, now);
  return (await findPost(deps.db, actor.workspaceId, postId))!;
}

type Outcome = {
  id: string;
  ok: boolean;
  post: Awaited<ReturnType<typeof cancelPost>> | null;
  error: { code: string; message: string } | null;
};

/**
 * Applies one action to each post in turn; a post that cannot move says why and the others still move. Every id must
 * be one of the workspace's posts (404 otherwise, before anything moves).
 */
export async function bulkAction(deps: PostsDeps, actor: Actor, action: BulkAction, now: number): Promise<Outcome[]> {
  const ids = [...new Set(action.ids)];
  const known = new Set(await workspacePostIds(deps.db, actor.workspaceId, ids));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown) throw new AppError(404, "not_found", `Post ${unknown} not found`);
  const results: Outcome[] = [];
  for (const id of ids) {
    try {
      const post =
        action.action === "cancel" ? await cancelPost(deps, actor, id, now) : await shift(deps, actor, id, action.shiftMinutes, now);
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
