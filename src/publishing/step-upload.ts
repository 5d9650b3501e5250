// FILE_UPLOAD: stream the video from R2 to TikTok one chunk at a time (one ranged read per chunk, never
// the whole file in memory), persisting progress after each accepted chunk so a retry resumes there.
import type { videos } from "../db/schema";
import { chunkRange } from "../tiktok/chunk-plan";
import { TikTokError } from "../tiktok/errors";
import type { Job } from "./job-store";
import { failJob, note, type PublishContext } from "./publish-context";
import { recordUploaded } from "./post-updates";
import { backoffMs, RETRY } from "./retry";

type Video = typeof videos.$inferSelect;
const now = () => Date.now();
/** First status read after the last chunk; TikTok needs a moment to start processing. */
export const FIRST_POLL_DELAY_MS = 1_000;
/** A dead upload URL (expired/unknown) is replaced by a fresh init at most this often. */
const MAX_REINITS = 1;

export async function uploadChunks(ctx: PublishContext, job: Job, video: Video) {
  const plan = { videoSize: video.size, chunkSize: job.chunk_size!, totalChunkCount: job.chunk_count! };
  let index = job.next_chunk;
  let attempts = job.attempts;
  while (index < plan.totalChunkCount) {
    const range = chunkRange(plan, index);
    const object = await ctx.env.VIDEOS.get(video.r2Key, { range: { offset: range.first, length: range.length } });
    if (!object) return failJob(ctx, job, "video_missing", "The video file is no longer in storage. Upload it again.", now());
    let result;
    try {
      const { readable, writable } = new FixedLengthStream(range.length);
      const piping = object.body.pipeTo(writable).catch(() => undefined);
      result = await ctx.client.putChunk(job.upload_url!, readable, { first: range.first, last: range.last, total: video.size }, video.contentType);
      await piping;
    } catch (error) {
      if (!(error instanceof TikTokError)) throw error;
      result = { status: 0, uploadedBytes: null };
    }
    if (result.status === 206 || result.status === 201) {
      index += 1;
      attempts = 0;
      ctx.store.update(job.post_id, { next_chunk: index, attempts: 0 });
      continue;
    }
    if (result.status === 416 && result.uploadedBytes !== null && attempts < RETRY.maxAttempts) {
      // TikTok tells how far it got; resume from the chunk after that.
      attempts += 1;
      index = Math.floor(result.uploadedBytes / plan.chunkSize);
      ctx.store.update(job.post_id, { next_chunk: index, attempts });
      continue;
    }
    if (result.status === 403 || result.status === 404) return restartWithNewInit(ctx, job, result.status);
    // 5xx, a dropped connection, or a 416 without progress (another PUT still in flight): retry this chunk.
    if (result.status === 0 || result.status >= 500 || result.status === 416) {
      attempts += 1;
      if (attempts >= RETRY.maxAttempts) {
        return failJob(ctx, job, "upload_failed", `Uploading to TikTok kept failing (chunk ${index + 1} of ${plan.totalChunkCount}).`, now());
      }
      ctx.store.update(job.post_id, { attempts, next_at: now() + backoffMs(attempts) });
      return note(ctx, job, "retrying", `Chunk ${index + 1} of ${plan.totalChunkCount} failed (${result.status || "connection lost"}); retrying that chunk`, now());
    }
    return failJob(ctx, job, "upload_rejected", `TikTok rejected chunk ${index + 1} with HTTP ${result.status}.`, now());
  }
  const t = now();
  ctx.store.update(job.post_id, { phase: "polling", polling_since: t, polls: 0, attempts: 0, next_at: t + FIRST_POLL_DELAY_MS });
  await recordUploaded(ctx.db, job.post_id, t, plan.totalChunkCount);
}

/** The upload URL is dead (TikTok: 403 expired / 404 unknown): nothing was published under it, so a new init is safe. */
async function restartWithNewInit(ctx: PublishContext, job: Job, status: number) {
  if (job.reinits >= MAX_REINITS) {
    return failJob(ctx, job, "upload_expired", `TikTok closed the upload (HTTP ${status}) twice; schedule the post again.`, now());
  }
  ctx.store.update(job.post_id, { phase: "init", publish_id: null, upload_url: null, next_chunk: 0, attempts: 0, reinits: job.reinits + 1, next_at: now() });
  await note(ctx, job, "upload_restarted", `TikTok closed the upload URL (HTTP ${status}); starting a new upload`, now());
}
