// Approvals: in a workspace that asks for them, an editor's post waits (`pending_approval`) until an admin approves
// it (it is then scheduled, and claimed at once when due soon) or rejects it. Nobody approving it in time makes it
// `missed` through its late policy, like any post that could not start.
import { findAccount } from "../accounts/accounts.repo";
import { AppError, notFound } from "../shared/errors";
import { findVideo } from "../videos/videos.repo";
import { handOverIfDueSoon, type PostsDeps } from "./post-handover";
import { bumpVersion, transitionOne } from "./post-transitions";
import { findPost } from "./posts.repo";

type Approver = { workspaceId: string; email: string };

async function pendingPost(deps: PostsDeps, workspaceId: string, postId: string) {
  const post = await findPost(deps.db, workspaceId, postId);
  if (!post) throw notFound("Post");
  if (post.status !== "pending_approval")
    throw new AppError(409, "post_not_pending", `This post is ${post.status}, not waiting for approval`);
  return post;
}

export async function approvePost(deps: PostsDeps, approver: Approver, postId: string, now: number) {
  const { db } = deps;
  const post = await pendingPost(deps, approver.workspaceId, postId);
  const account = await findAccount(db, approver.workspaceId, post.accountId);
  if (account?.status !== "active")
    throw new AppError(409, "account_needs_reconnect", "Reconnect this TikTok account before approving posts to it");
  const video = await findVideo(db, approver.workspaceId, post.videoId);
  if (video?.status !== "ready") throw new AppError(409, "video_not_ready", "The post's video is not ready");
  const approved = await transitionOne(
    db,
    "approve",
    { postId, version: post.version },
    {
      set: { version: bumpVersion(), claimToken: null },
      event: { type: "approved", message: `Approved by ${approver.email}` },
    },
    now,
  );
  if (!approved) throw new AppError(409, "post_changed", "The post changed meanwhile; reload and try again");
  await handOverIfDueSoon(deps, approved, now);
  return (await findPost(db, approver.workspaceId, postId))!;
}

export async function rejectPost(deps: PostsDeps, approver: Approver, postId: string, reason: string | undefined, now: number) {
  const post = await pendingPost(deps, approver.workspaceId, postId);
  const message = `Rejected by ${approver.email}${reason ? `: ${reason}` : ""}`;
  const rejected = await transitionOne(
    deps.db,
    "reject",
    { postId, version: post.version },
    {
      set: { version: bumpVersion(), claimToken: null, lastErrorCode: "rejected", lastErrorMessage: message },
      event: { type: "rejected", message },
    },
    now,
  );
  if (!rejected) throw new AppError(409, "post_changed", "The post changed meanwhile; reload and try again");
  return rejected;
}
