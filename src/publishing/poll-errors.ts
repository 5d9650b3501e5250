// How often status is read, and what a failed status read means: the bytes are at TikTok, so when TikTok can
// no longer tell us the outcome the post ends `unconfirmed`, never failed or re-sent.
import { TikTokError } from "../tiktok/errors";
import type { Job } from "./job-store";
import { type PublishContext, unconfirm, waitUntil } from "./publish-context";
import type { StepResult } from "./publish-phases";
import { ReconnectRequired } from "./token-manager";

/** 1 s, 1.5 s, 2.25 s … up to 10 s between reads. */
export const pollDelayMs = (polls: number) => Math.min(10_000, Math.round(1_000 * 1.5 ** polls));

export function pollFailure(ctx: PublishContext, job: Job, error: unknown): StepResult {
  if (error instanceof ReconnectRequired) {
    return unconfirm(`The upload finished but the account must be reconnected to confirm it (${error.message}).`);
  }
  if (!(error instanceof TikTokError)) throw error;
  const { code, logId } = error;
  if (code === "invalid_publish_id" || code === "token_not_authorized_for_specified_publish_id") {
    return unconfirm(`TikTok no longer knows this upload (${code}).`);
  }
  if (error.action === "wait") {
    ctx.metrics.record({ name: "tiktok_429", value: 1, at: ctx.clock.now(), label: "status", postId: job.post_id });
    return waitUntil(job, ctx.pacer.afterRejection(ctx.clock.now()));
  }
  const message = `TikTok's status service kept failing (${code}).`;
  if (code === "access_token_invalid") return { failed: "status", refreshToken: true, code, message, logId };
  const note = job.attempts === 0 ? `Reading the status failed (${code}); retrying` : undefined;
  return { failed: "status", code, message, note, logId };
}
