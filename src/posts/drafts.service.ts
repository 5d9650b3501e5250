// Drafts (issue 13): a post saved without a time, edited, then scheduled at a time or in the next queue slot, or
// discarded; a post still to come sent back to the drafts; any post duplicated as a new draft. Scheduling a draft
// runs the same checks as scheduling a new post (posts.service.ts).
import { findAccount } from "../accounts/accounts.repo";
import type { Database } from "../db/client";
import type { PostRow } from "../db/schema";
import { AppError, notFound } from "../shared/errors";
import { newId } from "../shared/ids";
import { nextSlotFor } from "../slots/slots.service";
import { findVideo } from "../videos/videos.repo";
import type { DraftPatch, NewDraft, ScheduleDraft } from "./drafts.schemas";
import { handOverIfDueSoon, withdrawFromPublisher } from "./post-handover";
import { liveReads } from "./post-reads";
import { bumpVersion, createDraft, deleteDraft, transitionOne } from "./post-transitions";
import { findPost } from "./posts.repo";
import { type Actor, checkLocalTime, needsApproval, type PostsDeps, validate, warningsFor } from "./posts.service";

type Settings = Parameters<typeof validate>[3];

/** The account and the video must be this workspace's; nothing else is checked until the draft is scheduled. */
async function checkOwned(db: Database, workspaceId: string, accountId: string, videoId: string) {
  if (!(await findAccount(db, workspaceId, accountId))) {
    throw new AppError(404, "account_not_found", "That TikTok account is not connected to this workspace");
  }
  if (!(await findVideo(db, workspaceId, videoId))) throw new AppError(404, "video_not_found", "Video not found");
}

async function findDraft(db: Database, workspaceId: string, postId: string) {
  const post = await findPost(db, workspaceId, postId);
  if (!post) throw notFound("Post");
  if (post.status !== "draft") throw new AppError(409, "post_not_draft", `This post is ${post.status}, not a draft`);
  return post;
}

/** The editable fields of a row (what a draft carries over, and what a duplicate copies). */
function fieldsOf(row: PostRow) {
  return {
    accountId: row.accountId,
    videoId: row.videoId,
    caption: row.caption,
    privacyLevel: row.privacyLevel,
    mode: row.mode,
    disableComment: row.disableComment,
    disableDuet: row.disableDuet,
    disableStitch: row.disableStitch,
    brandContent: row.brandContent,
    brandOrganic: row.brandOrganic,
    isAigc: row.isAigc,
    timezone: row.timezone,
    latePolicyMinutes: row.latePolicyMinutes,
  };
}

export async function createDraftPost(db: Database, actor: Actor, input: NewDraft, now: number) {
  await checkOwned(db, actor.workspaceId, input.accountId, input.videoId);
  const row = {
    ...input,
    id: newId("post"),
    workspaceId: actor.workspaceId,
    privacyLevel: input.mode === "direct" ? (input.privacyLevel ?? null) : null,
    scheduledAt: null,
    status: "draft" as const,
    version: 1,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await createDraft(db, row, { type: "draft_saved", message: "Saved as a draft" });
  return (await findPost(db, actor.workspaceId, row.id))!;
}

export async function updateDraft(db: Database, actor: Actor, postId: string, patch: DraftPatch, now: number) {
  const current = await findDraft(db, actor.workspaceId, postId);
  if (patch.videoId) await checkOwned(db, actor.workspaceId, current.accountId, patch.videoId);
  const updated = await transitionOne(
    db,
    "editDraft",
    { postId, version: current.version },
    { set: { ...patch, version: bumpVersion() }, event: { type: "draft_saved", message: "Draft edited" } },
    now,
  );
  if (!updated) throw new AppError(409, "post_changed", "The post changed while you were editing it; reload and try again");
  return updated;
}

export async function discardDraft(db: Database, actor: Actor, postId: string) {
  await findDraft(db, actor.workspaceId, postId);
  const removed = await deleteDraft(db, actor.workspaceId, postId);
  if (!removed) throw new AppError(409, "post_changed", "The draft changed meanwhile; reload and try again");
  return removed;
}

/**
 * A draft goes on the calendar, at its time or in its account's next free slot, with the same checks as a new post
 * (and, like one, waits for an admin when an editor schedules it in a workspace that wants approvals).
 */
export async function scheduleDraft(deps: PostsDeps, actor: Actor, postId: string, body: ScheduleDraft, now: number) {
  const { db } = deps;
  const current = await findDraft(db, actor.workspaceId, postId);
  const { queue, scheduledAt: requested, ...patch } = body;
  checkLocalTime(requested, patch.timezone ?? current.timezone);
  const slot = queue ? await nextSlotFor(db, actor.workspaceId, current.accountId, now) : null;
  const fields = { ...fieldsOf(current), ...patch, ...(slot ? { timezone: slot.timezone } : {}) };
  if (fields.mode === "inbox") fields.privacyLevel = null;
  const scheduledAt = slot ? slot.at : Date.parse(requested!);
  const settings = { ...fields, scheduledAt, privacyLevel: fields.privacyLevel as Settings["privacyLevel"] };
  await validate(deps, actor.workspaceId, current.accountId, settings, now);
  const warnings = await warningsFor(liveReads(deps), current.accountId, settings, postId);
  const where = `${slot ? "its queue slot, " : ""}${new Date(scheduledAt).toISOString()} (${fields.timezone})`;
  const pending = await needsApproval(db, actor);
  const updated = await transitionOne(
    db,
    pending ? "submitDraftForApproval" : "schedule",
    { postId, version: current.version },
    {
      set: { ...fields, scheduledAt, version: bumpVersion(), warning: warnings[0] ?? null },
      event: pending
        ? { type: "submitted", message: `Submitted from the drafts for approval, to go out at ${where}` }
        : { type: "scheduled", message: `Scheduled from the drafts for ${where}` },
    },
    now,
  );
  if (!updated) throw new AppError(409, "post_changed", "The post changed while you were editing it; reload and try again");
  await handOverIfDueSoon(deps, updated, now);
  return { post: (await findPost(db, actor.workspaceId, postId))!, warnings };
}

/** Back to the drafts before anything reached TikTok: the time is dropped and any claim given back. */
export async function unschedulePost(deps: PostsDeps, actor: Actor, postId: string, now: number) {
  const { db } = deps;
  const current = await findPost(db, actor.workspaceId, postId);
  if (!current) throw notFound("Post");
  await withdrawFromPublisher(deps, current, {
    code: "post_not_cancellable",
    message: "This post started publishing and can no longer go back to the drafts",
  });
  const updated = await transitionOne(
    db,
    "unschedule",
    { postId },
    {
      set: { scheduledAt: null, claimToken: null, claimedAt: null, warning: null, version: bumpVersion() },
      event: { type: "unscheduled", message: "Moved back to the drafts" },
    },
    now,
  );
  if (!updated) throw new AppError(409, "post_not_cancellable", `This post is ${current.status} and can no longer go back to the drafts`);
  return updated;
}

/** A new draft with the same account, video, caption and settings; any post may be copied. */
export async function duplicatePost(db: Database, actor: Actor, postId: string, now: number) {
  const source = await findPost(db, actor.workspaceId, postId);
  if (!source) throw notFound("Post");
  const row = {
    ...fieldsOf(source),
    id: newId("post"),
    workspaceId: actor.workspaceId,
    scheduledAt: null,
    status: "draft" as const,
    version: 1,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await createDraft(db, row, { type: "draft_saved", message: `Copied from post ${source.id}` });
  return (await findPost(db, actor.workspaceId, row.id))!;
}
