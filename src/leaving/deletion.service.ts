// Leaving for good. A workspace goes with everything in it: its TikTok accounts' access is revoked at TikTok first
// (if TikTok cannot be reached nothing is deleted, so the user can retry), their publishers forget their jobs, the
// videos and anything else stored under the workspace's R2 prefix are deleted, then D1 cascades from the workspace
// row (members, sessions, accounts, videos, posts, timelines, tokens, invites, audit log). A person's account goes
// with the workspaces only they own and use; workspaces shared with others must be handed over first.
import { revokeAtTikTok } from "../accounts/disconnect.service";
import type { Database } from "../db/client";
import { AppError } from "../shared/errors";
import { listMembers, otherMemberCount, removeMember, workspacesOf } from "../teams/members.repo";
import { deleteUserRow, deleteWorkspaceRow, workspaceContents } from "./leaving.repo";

/** Deletes every R2 object under `prefix` (videos are stored as `<workspace id>/<video id>`), 1,000 at a time. */
async function deletePrefix(bucket: R2Bucket, prefix: string) {
  let deleted = 0;
  for (;;) {
    const page = await bucket.list({ prefix, limit: 1000 });
    if (page.objects.length === 0) return deleted;
    await bucket.delete(page.objects.map((o) => o.key));
    deleted += page.objects.length;
    if (!page.truncated) return deleted;
  }
}

export async function deleteWorkspace(env: Env, db: Database, workspaceId: string, now: number) {
  const { accounts, videos } = await workspaceContents(db, workspaceId);
  for (const account of accounts) await revokeAtTikTok(env, account);
  for (const account of accounts) await env.ACCOUNT_PUBLISHER.getByName(account.id).purge();
  for (const video of videos) {
    if (video.uploadId)
      await env.VIDEOS.resumeMultipartUpload(video.r2Key, video.uploadId)
        .abort()
        .catch(() => undefined);
  }
  const objects = await deletePrefix(env.VIDEOS, `${workspaceId}/`);
  // Members working in it move to another of their workspaces (or sign in again to a fresh one).
  for (const m of await listMembers(db, workspaceId)) await removeMember(db, workspaceId, m.userId, now);
  await deleteWorkspaceRow(db, workspaceId);
  return { accounts: accounts.length, videos: videos.length, objects };
}

/** What deleting this user would do; refuses (409) while they are the only owner of a workspace others use. */
export async function planUserDeletion(db: Database, userId: string) {
  const memberships = await workspacesOf(db, userId);
  const toDelete: string[] = [];
  const toLeave: string[] = [];
  const blocked: string[] = [];
  for (const w of memberships) {
    const others = await otherMemberCount(db, w.id, userId);
    if (w.role !== "owner") toLeave.push(w.id);
    else if (others === 0) toDelete.push(w.id);
    else if (await hasOtherOwner(db, w.id, userId)) toLeave.push(w.id);
    else blocked.push(w.name);
  }
  if (blocked.length > 0) {
    throw new AppError(409, "transfer_ownership", `Make someone else owner of ${blocked.join(", ")} first (others use it)`, {
      workspaces: blocked,
    });
  }
  return { toDelete, toLeave };
}

async function hasOtherOwner(db: Database, workspaceId: string, userId: string) {
  return (await listMembers(db, workspaceId)).some((m) => m.userId !== userId && m.role === "owner");
}

export async function deleteUser(env: Env, db: Database, userId: string, now: number) {
  const plan = await planUserDeletion(db, userId);
  for (const workspaceId of plan.toDelete) await deleteWorkspace(env, db, workspaceId, now);
  for (const workspaceId of plan.toLeave) await removeMember(db, workspaceId, userId, now);
  await deleteUserRow(db, userId);
  return plan;
}
