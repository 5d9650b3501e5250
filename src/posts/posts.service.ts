// Scheduling, editing and cancelling posts. An edit or cancel wins over a pending publish: it bumps the
// version and drops the claim, so a queued message for the old form is ignored by the publisher.
import { findAccount } from "../accounts/accounts.repo";
import type { Database } from "../db/client";
import type { PostRow } from "../db/schema";
import { CLAIM_WINDOW_MS, claimDuePosts, enqueue, publishMessage } from "../scheduler/claim";
import { AppError } from "../shared/errors";
import { newId } from "../shared/ids";
import { findVideo } from "../videos/videos.repo";
import { DAILY_POST_CAP, PAST_TOLERANCE_MS } from "./post-limits";
import { EDITABLE_STATUSES } from "./post-status";
import { bumpVersion, createScheduled, transitionOne } from "./post-transitions";
import { busiestDayAround, directPostTimesAround, findPost } from "./posts.repo";
import type { NewPost, PostPatch } from "./posts.schemas";

export { DAILY_POST_CAP } from "./post-limits";

type Actor = { workspaceId: string; userId: string };
type Settings = Omit<NewPost, "accountId" | "scheduledAt"> & { scheduledAt: number };
/** What a request needs from the Worker: the database handle of this request and the publish queue. */
export type PostsDeps = { db: Database; queue: Queue };

export async function validate(db: Database, workspaceId: string, accountId: string, s: Settings, now: number) {
  const account = await findAccount(db, workspaceId, accountId);
  if (!account) throw new AppError(404, "account_not_found", "That TikTok account is not connected to this workspace");
  if (account.status !== "active") {
    throw new AppError(409, "account_needs_reconnect", "Reconnect this TikTok account before scheduling to it");
  }
  const video = await findVideo(db, workspaceId, s.videoId);
  if (!video) throw new AppError(404, "video_not_found", "Video not found");
  if (video.status !== "ready") throw new AppError(409, "video_not_ready", "The video has not finished uploading");
  if (s.scheduledAt < now - PAST_TOLERANCE_MS) {
    throw new AppError(400, "scheduled_in_past", "Pick a time in the future", { path: "scheduledAt" });
  }
  if (s.mode === "direct") {
    if (!s.privacyLevel) {
      throw new AppError(400, "privacy_level_required", "Choose who can view the post", { path: "privacyLevel" });
    }
    if (s.brandContent && s.privacyLevel === "SELF_ONLY") {
      throw new AppError(400, "branded_content_private", "Branded content visibility cannot be set to private.");
    }
  }
}

export async function warningsFor(db: Database, accountId: string, s: Settings, excludePostId?: string) {
  const warnings: string[] = [];
  if (s.mode === "direct") {
    const busiest = busiestDayAround(await directPostTimesAround(db, accountId, s.scheduledAt, excludePostId), s.scheduledAt);
    if (busiest >= DAILY_POST_CAP) {
      warnings.push(
        `This account already has ${busiest} posts within 24 hours of this one; TikTok allows about ${DAILY_POST_CAP} a day and may refuse it (daily posting limit).`,
      );
    }
  }
  return warnings;
}

/** A post due within the claim window is claimed and enqueued now instead of waiting for the next tick. */
export async function enqueueIfDueSoon(deps: PostsDeps, post: Pick<PostRow, "id" | "status" | "scheduledAt">, now: number) {
  if (post.status !== "scheduled" || post.scheduledAt === null || post.scheduledAt > now + CLAIM_WINDOW_MS) return;
  const claimed = await claimDuePosts(deps.db, now, now + CLAIM_WINDOW_MS, post.id);
  await enqueue(deps.queue, claimed.map(publishMessage), now);
}

function newPostRow(actor: Actor, input: NewPost, scheduledAt: number, warning: string | null, now: number) {
  return {
    id: newId("post"),
    workspaceId: actor.workspaceId,
    accountId: input.accountId,
    videoId: input.videoId,
    caption: input.caption,
    privacyLevel: input.mode === "direct" ? (input.privacyLevel ?? null) : null,
    mode: input.mode,
    disableComment: input.disableComment,
    disableDuet: input.disableDuet,
    disableStitch: input.disableStitch,
    brandContent: input.brandContent,
    brandOrganic: input.brandOrganic,
    isAigc: input.isAigc,
    scheduledAt,
    timezone: input.timezone,
    latePolicyMinutes: input.latePolicyMinutes,
    status: "scheduled" as const,
    version: 1,
    warning,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}

export async function createPost(deps: PostsDeps, actor: Actor, input: NewPost, now: number) {
  const { db } = deps;
  const settings = { ...input, scheduledAt: Date.parse(input.scheduledAt) };
  await validate(db, actor.workspaceId, input.accountId, settings, now);
  const warnings = await warningsFor(db, input.accountId, settings);
  const row = newPostRow(actor, input, settings.scheduledAt, warnings[0] ?? null, now);
  await createScheduled(db, row, {
    type: "scheduled",
    message: `Scheduled for ${new Date(row.scheduledAt).toISOString()} (${row.timezone})`,
  });
  await enqueueIfDueSoon(deps, row, now);
  return { post: (await findPost(db, actor.workspaceId, row.id))!, warnings };
}

export async function updatePost(deps: PostsDeps, actor: Actor, postId: string, patch: PostPatch, now: number) {
  const { db } = deps;
  const current = await findPost(db, actor.workspaceId, postId);
  if (!current) throw new AppError(404, "not_found", "Post not found");
  if (!(EDITABLE_STATUSES as readonly string[]).includes(current.status)) {
    throw new AppError(409, "post_not_editable", `This post is ${current.status} and can no longer be edited`);
  }
  // Drafts are not editable here (drafts.service.ts), so the current time is there when no new one is given.
  const scheduledAt = patch.scheduledAt ? Date.parse(patch.scheduledAt) : current.scheduledAt;
  if (scheduledAt === null) throw new AppError(409, "post_not_editable", "This post is a draft; schedule it instead");
  const next = {
    ...current,
    ...patch,
    scheduledAt,
    privacyLevel: patch.privacyLevel === undefined ? current.privacyLevel : patch.privacyLevel,
  };
  if (next.mode === "inbox") next.privacyLevel = null;
  await validate(db, actor.workspaceId, current.accountId, { ...next, privacyLevel: next.privacyLevel as Settings["privacyLevel"] }, now);
  const warnings = await warningsFor(db, current.accountId, next as Settings, postId);
  const { id, workspaceId, accountId, createdAt, createdBy, status, version, updatedAt, ...fields } = next;
  // Conditional on the version we read: a concurrent edit or the publisher starting makes this a no-op.
  const updated = await transitionOne(
    db,
    "reschedule",
    { postId, version: current.version },
    {
      set: {
        ...fields,
        version: bumpVersion(),
        claimToken: null,
        claimedAt: null,
        lastErrorCode: null,
        lastErrorMessage: null,
        warning: warnings[0] ?? null,
      },
      event: { type: "edited", message: `Edited; scheduled for ${new Date(next.scheduledAt).toISOString()}` },
    },
    now,
  );
  if (!updated) throw new AppError(409, "post_changed", "The post changed while you were editing it; reload and try again");
  await enqueueIfDueSoon(deps, updated, now);
  return { post: (await findPost(db, actor.workspaceId, postId))!, warnings };
}

export async function cancelPost(db: Database, actor: Actor, postId: string, now: number) {
  const current = await findPost(db, actor.workspaceId, postId);
  if (!current) throw new AppError(404, "not_found", "Post not found");
  const updated = await transitionOne(
    db,
    "cancel",
    { postId },
    { set: { claimToken: null, version: bumpVersion() }, event: { type: "cancelled", message: "Cancelled by the user" } },
    now,
  );
  if (!updated) {
    throw new AppError(409, "post_not_cancellable", `This post is ${current.status} and can no longer be cancelled`);
  }
  return updated;
}
