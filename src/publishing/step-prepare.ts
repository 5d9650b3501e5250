// waiting | init → initiating: everything the init needs, checked and written down ahead of the post's second, so
// at the second the only work left is sending it (issue 15): the post's content (re-read while it is still
// queued under this claim), a fresh token, the choices re-validated against fresh creator info (audit rule,
// tiktok-api.md §8), the media source, the chunk plan, and a slot under TikTok's 6 inits/min reserved.
import { loadPostWithVideo } from "../posts/posts.repo";
import { planChunks } from "../tiktok/chunk-plan";
import type { PostInfo, SourceInfo } from "../tiktok/client";
import { signedMediaUrl } from "../videos/media-url";
import { checkAgainstCreator } from "./creator-check";
import { initFailure } from "./init-errors";
import type { Job } from "./job-store";
import { PostSnapshot } from "./messages";
import { fail, type PublishContext, waitUntil } from "./publish-context";
import type { Note, StepResult } from "./publish-phases";

/**
 * When a post is prepared: between 30 s and 5 s before it is sent, each post at its own point of that range (from its
 * id), so a second shared by thousands of posts does not make thousands of preparations fall on the same instant
 * (measured locally: 1,000 posts prepared together 5 s ahead were still preparing 4.5 s after their second).
 * 5 s leaves room for a token refresh and a creator-info read; 30 s is how long creator info is reused anyway.
 */
export const PREPARE_LEAD_MS = 5_000;
export const PREPARE_SPREAD_MS = 25_000;

export function prepareAt(postId: string, sendAt: number) {
  let hash = 0;
  for (let i = 0; i < postId.length; i++) hash = (hash * 31 + postId.charCodeAt(i)) >>> 0;
  return sendAt - PREPARE_LEAD_MS - (hash % PREPARE_SPREAD_MS);
}

/** The init as it will be sent: Direct Post (with post_info) or inbox (source only). */
export type InitRequest = { postInfo: PostInfo | null; sourceInfo: SourceInfo };

export async function prepareStep(ctx: PublishContext, job: Job): Promise<StepResult> {
  const now = ctx.clock.now();
  // The slot first, before any await: jobs of this account are prepared side by side and must see each other's.
  ctx.pacer.cancelReservations(job.post_id, now);
  const sendAt = ctx.pacer.nextSlot("init", Math.max(now, job.scheduled_at));
  const paced = sendAt > job.scheduled_at ? pacedNote(job, sendAt) : [];
  // Paced far ahead: prepare again shortly before the slot, so the creator info checked is fresh when it goes.
  if (now < prepareAt(job.post_id, sendAt)) return waitUntil(job, prepareAt(job.post_id, sendAt), paced, { paced_noted: 1 });
  ctx.pacer.reserve("init", sendAt, job.post_id);
  const post = job.post ? PostSnapshot.parse(JSON.parse(job.post)) : await snapshotFromDatabase(ctx, job);
  if (!post) return { drop: true };
  const { video } = post;
  const notes: Note[] = [...paced];
  let postInfo: PostInfo | null = null;
  try {
    const accessToken = await ctx.tokens.accessToken(now);
    if (post.mode === "direct") {
      const info = await ctx.creatorInfo(accessToken, now);
      const check = checkAgainstCreator(post, info);
      if (!check.ok) return fail(check.code, check.message, info.logId);
      postInfo = check.postInfo;
      notes.push(...check.notes.map((message) => ({ type: "creator_settings", message })));
    }
  } catch (error) {
    return initFailure(ctx, job, error, { sent: false });
  }
  const plan = planChunks(video.size);
  const sourceInfo: SourceInfo = pullFromUrl(ctx, job)
    ? { source: "PULL_FROM_URL", video_url: await signedMediaUrl(ctx.env, video.id, now) }
    : { source: "FILE_UPLOAD", video_size: plan.videoSize, chunk_size: plan.chunkSize, total_chunk_count: plan.totalChunkCount };
  const request: InitRequest = { postInfo, sourceInfo };
  return {
    next: "initiating",
    at: sendAt,
    notes,
    set: {
      request: JSON.stringify(request),
      paced_noted: paced.length > 0 ? 1 : job.paced_noted,
      video_key: video.r2Key,
      video_type: video.contentType,
      video_size: video.size,
      public_post: post.mode === "direct" && post.privacyLevel === "PUBLIC_TO_EVERYONE" ? 1 : 0,
    },
  };
}

function pacedNote(job: Job, sendAt: number): Note[] {
  if (job.paced_noted) return [];
  return [
    { type: "paced", message: `TikTok allows 6 uploads per minute per account; this post starts at ${new Date(sendAt).toISOString()}` },
  ];
}

/**
 * A claim re-sent by the tick carries no snapshot: read the post, and only while it is still this claim's. A
 * snapshot needs no such check: until its init leaves the post is this object's, and edits withdraw it here first.
 */
async function snapshotFromDatabase(ctx: PublishContext, job: Job): Promise<PostSnapshot | null> {
  const loaded = await loadPostWithVideo(ctx.db, job.post_id);
  const live = loaded?.post.status === "queued" || loaded?.post.status === "publishing";
  if (!loaded || !live || loaded.post.claimToken !== job.claim_token) return null;
  const { post, video } = loaded;
  return { ...post, video: { id: video.id, r2Key: video.r2Key, size: video.size, contentType: video.contentType } };
}

/** PULL_FROM_URL when a verified media domain is configured, unless this post already fell back. */
function pullFromUrl(ctx: PublishContext, job: Job) {
  return Boolean(ctx.env.MEDIA_BASE_URL) && job.source !== "FILE_UPLOAD";
}
