// The row a new post starts as (one post, or many from a CSV file): its settings, status, time and first warning.
import type { NewPost } from "./posts.schemas";
import type { Actor } from "./posts.service";

export type NewRow = { id: string; status: "scheduled" | "pending_approval"; scheduledAt: number; warning: string | null };

export function newPostRow(actor: Actor, input: NewPost, r: NewRow, now: number) {
  return {
    id: r.id,
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
    scheduledAt: r.scheduledAt,
    timezone: input.timezone,
    latePolicyMinutes: input.latePolicyMinutes,
    coverTimestampMs: input.coverTimestampMs ?? null,
    status: r.status,
    version: 1,
    warning: r.warning,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}
