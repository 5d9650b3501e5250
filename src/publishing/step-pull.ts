// PULL_FROM_URL that stalls: TikTok still downloading after PULL_STALL_MS is cancelled, and once TikTok confirms
// the cancel (FAILED publish_cancelled, so nothing can post from it) the file is uploaded directly instead.
import type { PublishStatus } from "../tiktok/client";
import { TikTokError } from "../tiktok/errors";
import type { Job } from "./job-store";
import { pollDelayMs, pollFailure } from "./poll-errors";
import type { PublishContext } from "./publish-context";
import type { StepResult } from "./publish-phases";

const FIRST_CONFIRM_DELAY_MS = 500;

/** A pull still downloading after this long is cancelled and replaced by FILE_UPLOAD (default 10 min). */
export const pullStallMs = (env: Env) => Number(env.PULL_STALL_MS) || 10 * 60 * 1000;

export function pullStalled(ctx: PublishContext, job: Job, status: PublishStatus, now: number) {
  return status.status === "PROCESSING_DOWNLOAD" && now - (job.polling_since ?? now) > pullStallMs(ctx.env);
}

export async function cancelStalledPull(ctx: PublishContext, job: Job, token: string, now: number): Promise<StepResult> {
  try {
    await ctx.client.cancel(token, job.publish_id!);
  } catch (error) {
    if (error instanceof TikTokError && error.code === "publish_not_cancellable") {
      // Already past the download: let it finish.
      return { next: "polling", at: now + pollDelayMs(job.polls), set: { polling_since: now } };
    }
    return pollFailure(ctx, job, error);
  }
  const message =
    "TikTok's download of the video stalled; cancelled it and waiting for TikTok to confirm before uploading the file directly";
  return { next: "cancelling", at: now + FIRST_CONFIRM_DELAY_MS, notes: [{ type: "pull_cancelled", message }] };
}

export function fallBackToFileUpload(now: number): StepResult {
  return {
    next: "init",
    at: now,
    set: {
      publish_id: null,
      source: "FILE_UPLOAD",
      source_reason: "the pull from our media URL stalled in PROCESSING_DOWNLOAD (cancelled and confirmed)",
    },
    notes: [{ type: "source_fallback", message: "TikTok confirmed the cancelled pull; uploading the file directly" }],
  };
}
