// Scheduling, editing and cancelling posts. An edit or cancel wins over a pending publish: it bumps the
// version and drops the claim, so a queued message for the old form is ignored by the publisher.
import { and, eq, inArray, sql } from "drizzle-orm";
import { findAccount } from "../accounts/accounts.repo";
import type { Database } from "../db/client";
import { postEvents, posts, type PostRow } from "../db/schema";
import { CLAIM_WINDOW_MS, claimDuePosts, enqueue, publishMessage } from "../scheduler/claim";
import { AppError } from "../shared/errors";
import { newId } from "../shared/ids";
import { findVideo } from "../videos/videos.repo";
import { eventRow, recordEvent } from "./post-events";
import type { NewPost, PostPatch } from "./posts.schemas";
import { busiestDayAround, CANCELLABLE_STATUSES, directPostTimesAround, EDITABLE_STATUSES, findPost } from "./posts.repo";

/** TikTok's documented Direct Post cap per creator per 24 h (varies by creator; shared across apps). */
export const DAILY_POST_CAP = 15;
/** A time a few seconds in the past still counts as "now" (clock skew, form submit time). */
const PAST_TOLERANCE_MS = 10_000;

type Actor = { workspaceId: string; userId: string };
type Settings = Omit<NewPost, "accountId" | "scheduledAt"> & { scheduledAt: number };

async function validate(db: Database, workspaceId: string, accountId: string, s: Settings, now: number) {
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

async function warningsFor(db: Database, accountId: string, s: Settings, excludePostId?: string) {
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
async function enqueueIfDueSoon(db: Database, env: Env, post: PostRow, now: number) {
  if (post.status !== "scheduled" || post.scheduledAt > now + CLAIM_WINDOW_MS) return;
  const claimed = await claimDuePosts(db, now, now + CLAIM_WINDOW_MS, post.id);
  await enqueue(env.PUBLISH_QUEUE, claimed.map(publishMessage), now);
}

export async function createPost(db: Database, env: Env, actor: Actor, input: NewPost, now: number) {
  const settings = { ...input, scheduledAt: Date.parse(input.scheduledAt) };
  await validate(db, actor.workspaceId, input.accountId, settings, now);
  const warnings = await warningsFor(db, input.accountId, settings);
  const row: PostRow = {
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
    scheduledAt: settings.scheduledAt,
    timezone: input.timezone,
    latePolicyMinutes: input.latePolicyMinutes,
    status: "scheduled",
    version: 1,
    claimToken: null,
    claimedAt: null,
    publishId: null,
    tiktokPostId: null,
    mediaSource: null,
    lastErrorCode: null,
    lastErrorMessage: null,
    warning: warnings[0] ?? null,
    initAt: null,
    uploadedAt: null,
    completedAt: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  const scheduledEvent = eventRow({
    postId: row.id,
    at: now,
    type: "scheduled",
    message: `Scheduled for ${new Date(row.scheduledAt).toISOString()} (${row.timezone})`,
  });
  await db.batch([db.insert(posts).values(row), db.insert(postEvents).values(scheduledEvent)]);
  await enqueueIfDueSoon(db, env, row, now);
  return { post: (await findPost(db, actor.workspaceId, row.id))!, warnings };
}

export async function updatePost(db: Database, env: Env, actor: Actor, postId: string, patch: PostPatch, now: number) {
  const current = await findPost(db, actor.workspaceId, postId);
  if (!current) throw new AppError(404, "not_found", "Post not found");
  if (!(EDITABLE_STATUSES as readonly string[]).includes(current.status)) {
    throw new AppError(409, "post_not_editable", `This post is ${current.status} and can no longer be edited`);
  }
  const next = {
    ...current,
    ...patch,
    scheduledAt: patch.scheduledAt ? Date.parse(patch.scheduledAt) : current.scheduledAt,
    privacyLevel: patch.privacyLevel === undefined ? current.privacyLevel : patch.privacyLevel,
  };
  if (next.mode === "inbox") next.privacyLevel = null;
  await validate(db, actor.workspaceId, current.accountId, { ...next, privacyLevel: next.privacyLevel as Settings["privacyLevel"] }, now);
  const warnings = await warningsFor(db, current.accountId, next as Settings, postId);
  const { id, workspaceId, accountId, createdAt, createdBy, ...fields } = next;
  const [updated] = await db
    .update(posts)
    .set({
      ...fields,
      status: "scheduled",
      version: sql`${posts.version} + 1`,
      claimToken: null,
      claimedAt: null,
      lastErrorCode: null,
      lastErrorMessage: null,
      warning: warnings[0] ?? null,
      updatedAt: now,
    })
    // Conditional on the version we read: a concurrent edit or the publisher starting makes this a no-op.
    .where(and(eq(posts.id, postId), eq(posts.version, current.version), inArray(posts.status, [...EDITABLE_STATUSES])))
    .returning();
  if (!updated) throw new AppError(409, "post_changed", "The post changed while you were editing it; reload and try again");
  await recordEvent(db, { postId, at: now, type: "edited", message: `Edited; scheduled for ${new Date(updated.scheduledAt).toISOString()}` });
  await enqueueIfDueSoon(db, env, updated, now);
  return { post: (await findPost(db, actor.workspaceId, postId))!, warnings };
}

export async function cancelPost(db: Database, actor: Actor, postId: string, now: number) {
  const current = await findPost(db, actor.workspaceId, postId);
  if (!current) throw new AppError(404, "not_found", "Post not found");
  const [updated] = await db
    .update(posts)
    .set({ status: "cancelled", claimToken: null, version: sql`${posts.version} + 1`, updatedAt: now })
    .where(and(eq(posts.id, postId), inArray(posts.status, [...CANCELLABLE_STATUSES])))
    .returning();
  if (!updated) {
    throw new AppError(409, "post_not_cancellable", `This post is ${current.status} and can no longer be cancelled`);
  }
  await recordEvent(db, { postId, at: now, type: "cancelled", message: "Cancelled by the user" });
  return updated;
}
