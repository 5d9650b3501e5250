// Scheduling, editing and cancelling posts. An edit or cancel wins over a pending publish: it bumps the
// version and drops the claim, so a queued message for the old form is ignored by the publisher.
import { atLeast, type Role } from "../auth/roles";
import type { Database } from "../db/client";
import { AppError } from "../shared/errors";
import { newId } from "../shared/ids";
import { newPostRow } from "./new-post-row";
import { handOverIfDueSoon, type PostsDeps, withdrawFromPublisher } from "./post-handover";
import { DAILY_POST_CAP, PAST_TOLERANCE_MS } from "./post-limits";
import { liveReads, type PostReads } from "./post-reads";
import { EDITABLE_STATUSES } from "./post-status";
import { bumpVersion, createScheduled, transitionOne } from "./post-transitions";
import { checkVideoForPost } from "./post-video-check";
import { busiestDayAround, findPost, workspaceRequiresApproval } from "./posts.repo";
import type { NewPost, PostPatch } from "./posts.schemas";
import { offsetProblem } from "./zone-time";

export { DAILY_POST_CAP } from "./post-limits";
/** How far ahead a post may be scheduled (TikTok's refresh tokens live a year). */
export const MAX_SCHEDULE_AHEAD_MS = 365 * 24 * 3600 * 1000;

/** Who acts; `role` decides whether the workspace's approval rule applies (callers without one act as admins). */
export type Actor = { workspaceId: string; userId: string; role?: Role };
type Settings = Omit<NewPost, "accountId" | "scheduledAt"> & { scheduledAt: number };

export type { PostsDeps };

export async function validate(
  deps: PostsDeps,
  workspaceId: string,
  accountId: string,
  s: Settings,
  now: number,
  reads: PostReads = liveReads(deps),
) {
  const account = await reads.account(workspaceId, accountId);
  if (!account) throw new AppError(404, "account_not_found", "That TikTok account is not connected to this workspace");
  if (account.status !== "active") {
    throw new AppError(409, "account_needs_reconnect", "Reconnect this TikTok account before scheduling to it");
  }
  if (s.scheduledAt < now - PAST_TOLERANCE_MS) {
    throw new AppError(400, "scheduled_in_past", "Pick a time in the future", { path: "scheduledAt" });
  }
  if (s.scheduledAt > now + MAX_SCHEDULE_AHEAD_MS) {
    throw new AppError(400, "scheduled_too_far", "Pick a time within the next 365 days", { path: "scheduledAt" });
  }
  if (s.mode === "direct") {
    if (!s.privacyLevel) {
      throw new AppError(400, "privacy_level_required", "Choose who can view the post", { path: "privacyLevel" });
    }
    if (s.brandContent && s.privacyLevel === "SELF_ONLY") {
      throw new AppError(400, "branded_content_private", "Branded content visibility cannot be set to private.");
    }
  }
  // Last: it may ask TikTok for the account's longest allowed video.
  await checkVideoForPost(await reads.video(workspaceId, s.videoId), s, () => reads.maxDurationSec(accountId));
}

export async function warningsFor(reads: PostReads, accountId: string, s: Settings, excludePostId?: string) {
  const warnings: string[] = [];
  if (s.mode === "direct") {
    const busiest = busiestDayAround(await reads.directTimesAround(accountId, s.scheduledAt, excludePostId), s.scheduledAt);
    if (busiest >= DAILY_POST_CAP) {
      warnings.push(
        `This account already has ${busiest} posts within 24 hours of this one; TikTok allows about ${DAILY_POST_CAP} a day and may refuse it (daily posting limit).`,
      );
    }
  }
  return warnings;
}

/** A wall-clock time written with an offset must exist in the post's zone (no DST gap, no foreign offset). */
export function checkLocalTime(iso: string | undefined, zone: string) {
  const problem = iso ? offsetProblem(iso, zone) : null;
  if (problem) throw new AppError(400, problem.code, problem.message, { path: "scheduledAt" });
}

/** An editor's post waits for an admin when the workspace asks for approvals. */
export async function needsApproval(db: Database, actor: Actor) {
  if (!actor.role || atLeast(actor.role, "admin")) return false;
  return workspaceRequiresApproval(db, actor.workspaceId);
}

/** Creates a post (with `postId` when the caller reserved one: an idempotent create). */
export async function createPost(deps: PostsDeps, actor: Actor, input: NewPost, now: number, postId = newId("post")) {
  const { db } = deps;
  checkLocalTime(input.scheduledAt, input.timezone);
  const settings = { ...input, scheduledAt: Date.parse(input.scheduledAt) };
  await validate(deps, actor.workspaceId, input.accountId, settings, now);
  const warnings = await warningsFor(liveReads(deps), input.accountId, settings);
  const status = (await needsApproval(db, actor)) ? "pending_approval" : "scheduled";
  const row = newPostRow(actor, input, { id: postId, status, scheduledAt: settings.scheduledAt, warning: warnings[0] ?? null }, now);
  const when = `${new Date(row.scheduledAt).toISOString()} (${row.timezone})`;
  await createScheduled(
    db,
    row,
    status === "scheduled"
      ? { type: "scheduled", message: `Scheduled for ${when}` }
      : { type: "submitted", message: `Submitted for approval, to go out at ${when}` },
  );
  await handOverIfDueSoon(deps, row, now);
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
  checkLocalTime(patch.scheduledAt, next.timezone);
  await validate(deps, actor.workspaceId, current.accountId, { ...next, privacyLevel: next.privacyLevel as Settings["privacyLevel"] }, now);
  const warnings = await warningsFor(liveReads(deps), current.accountId, next as Settings, postId);
  await withdrawFromPublisher(deps, current, {
    code: "post_not_editable",
    message: "This post started publishing and can no longer be edited",
  });
  const { id, workspaceId, accountId, createdAt, createdBy, status, version, updatedAt, ...fields } = next;
  // Conditional on the version we read: a concurrent edit or the publisher starting makes this a no-op.
  const pending = await needsApproval(db, actor);
  const updated = await transitionOne(
    db,
    pending ? "submitForApproval" : "reschedule",
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
      event: {
        type: "edited",
        message: `Edited; ${pending ? "waiting for approval, to go out at" : "scheduled for"} ${new Date(next.scheduledAt).toISOString()}`,
      },
    },
    now,
  );
  if (!updated) throw new AppError(409, "post_changed", "The post changed while you were editing it; reload and try again");
  await handOverIfDueSoon(deps, updated, now);
  return { post: (await findPost(db, actor.workspaceId, postId))!, warnings };
}

export async function cancelPost(deps: PostsDeps, actor: Actor, postId: string, now: number) {
  const { db } = deps;
  const current = await findPost(db, actor.workspaceId, postId);
  if (!current) throw new AppError(404, "not_found", "Post not found");
  await withdrawFromPublisher(deps, current, {
    code: "post_not_cancellable",
    message: "This post started publishing and can no longer be cancelled",
  });
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
