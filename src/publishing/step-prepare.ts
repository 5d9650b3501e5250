// init → initiating: everything the init needs, checked and written down before it is sent: a fresh token,
// the post's choices re-validated against fresh creator info (audit rule, tiktok-api.md §8), the media source
// and the chunk plan. Nothing reaches TikTok's init endpoint here.
import { loadPostWithVideo } from "../posts/posts.repo";
import { planChunks } from "../tiktok/chunk-plan";
import type { PostInfo, SourceInfo } from "../tiktok/client";
import { signedMediaUrl } from "../videos/media-url";
import { checkAgainstCreator } from "./creator-check";
import { initFailure } from "./init-errors";
import type { Job } from "./job-store";
import { fail, type PublishContext } from "./publish-context";
import type { Note, StepResult } from "./publish-phases";
import { pacedUntil } from "./step-start";

/** The init as it will be sent: Direct Post (with post_info) or inbox (source only). */
export type InitRequest = { postInfo: PostInfo | null; sourceInfo: SourceInfo };

export async function prepareStep(ctx: PublishContext, job: Job): Promise<StepResult> {
  const loaded = await loadPostWithVideo(ctx.db, job.post_id);
  if (loaded?.post.status !== "publishing" || loaded.post.claimToken !== job.claim_token) return { drop: true };
  const now = ctx.clock.now();
  const paced = pacedUntil(ctx, job, now);
  if (paced) return paced;
  const { post, video } = loaded;
  const notes: Note[] = [];
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
  // The slot is taken now, not when the init leaves: jobs prepared one after another must see each other's.
  ctx.pacer.record("init", now);
  return {
    next: "initiating",
    at: now,
    notes,
    set: {
      request: JSON.stringify(request),
      video_key: video.r2Key,
      video_type: video.contentType,
      video_size: video.size,
      public_post: post.mode === "direct" && post.privacyLevel === "PUBLIC_TO_EVERYONE" ? 1 : 0,
    },
  };
}

/** PULL_FROM_URL when a verified media domain is configured, unless this post already fell back. */
function pullFromUrl(ctx: PublishContext, job: Job) {
  return Boolean(ctx.env.MEDIA_BASE_URL) && job.source !== "FILE_UPLOAD";
}
