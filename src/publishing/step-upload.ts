// uploading: FILE_UPLOAD streams the video from R2 to TikTok one chunk per step (one ranged read, never the
// whole file in memory); each accepted chunk is recorded before the next is read, so a retry resumes there.
import { chunkRange } from "../tiktok/chunk-plan";
import { TikTokError } from "../tiktok/errors";
import type { Job } from "./job-store";
import { fail, type PublishContext } from "./publish-context";
import type { StepResult } from "./publish-phases";
import { RETRY } from "./retry";

/** First status read after the last chunk; TikTok needs a moment to start processing. */
export const FIRST_POLL_DELAY_MS = 1_000;
/** A dead upload URL (expired/unknown) is replaced by a fresh init at most this often. */
const MAX_REINITS = 1;

export async function uploadStep(ctx: PublishContext, job: Job): Promise<StepResult> {
  const plan = { videoSize: job.video_size!, chunkSize: job.chunk_size!, totalChunkCount: job.chunk_count! };
  const index = job.next_chunk;
  const label = `chunk ${index + 1} of ${plan.totalChunkCount}`;
  const range = chunkRange(plan, index);
  const object = await ctx.env.VIDEOS.get(job.video_key!, { range: { offset: range.first, length: range.length } });
  if (!object) return fail("video_missing", "The video file is no longer in storage. Upload it again.");
  const result = await putChunk(ctx, job, object, range);
  const now = ctx.clock.now();
  if (result.status === 206 || result.status === 201) return continueFrom(index + 1, plan.totalChunkCount, now);
  if (result.status === 416 && result.uploadedBytes !== null && job.attempts < RETRY.maxAttempts) {
    // TikTok tells how far it got; resume from the chunk after that (or poll, if it has every byte).
    const resumed = continueFrom(Math.floor(result.uploadedBytes / plan.chunkSize), plan.totalChunkCount, now);
    return "next" in resumed && resumed.next === "uploading"
      ? { ...resumed, set: { ...resumed.set, attempts: job.attempts + 1 } }
      : resumed;
  }
  if (result.status === 403 || result.status === 404) return restartWithNewInit(job, result.status, now);
  // 5xx, a dropped connection, or a 416 without progress (another PUT still in flight): retry this chunk.
  if (result.status === 0 || result.status >= 500 || result.status === 416) {
    const n = label[0]!.toUpperCase() + label.slice(1);
    return {
      failed: "chunk",
      code: "upload_failed",
      message: `Uploading to TikTok kept failing (${label}).`,
      note: `${n} failed (${result.status || "connection lost"}); retrying that chunk`,
    };
  }
  return fail("upload_rejected", `TikTok rejected ${label} with HTTP ${result.status}.`);
}

/** The next chunk to send, or the status reads once TikTok holds every chunk. */
function continueFrom(nextChunk: number, totalChunks: number, now: number): StepResult {
  if (nextChunk < totalChunks) return { next: "uploading", at: now, set: { next_chunk: nextChunk } };
  const set = { next_chunk: nextChunk, polling_since: now, polls: 0 };
  return { next: "polling", at: now + FIRST_POLL_DELAY_MS, set, progress: { kind: "uploaded", chunks: totalChunks } };
}

async function putChunk(ctx: PublishContext, job: Job, object: R2ObjectBody, range: { first: number; last: number; length: number }) {
  try {
    const { readable, writable } = new FixedLengthStream(range.length);
    const piping = object.body.pipeTo(writable).catch(() => undefined);
    const result = await ctx.client.putChunk(
      job.upload_url!,
      readable,
      { first: range.first, last: range.last, total: job.video_size! },
      job.video_type!,
    );
    await piping;
    return result;
  } catch (error) {
    if (!(error instanceof TikTokError)) throw error;
    return { status: 0, uploadedBytes: null };
  }
}

/** The upload URL is dead (TikTok: 403 expired / 404 unknown): nothing was published under it, so a new init is safe. */
function restartWithNewInit(job: Job, status: number, now: number): StepResult {
  if (job.reinits >= MAX_REINITS)
    return fail("upload_expired", `TikTok closed the upload (HTTP ${status}) twice; schedule the post again.`);
  return {
    next: "init",
    at: now,
    set: { publish_id: null, upload_url: null, next_chunk: 0, reinits: job.reinits + 1 },
    notes: [{ type: "upload_restarted", message: `TikTok closed the upload URL (HTTP ${status}); starting a new upload` }],
  };
}
