// What a failure around the init means (tiktok-api.md §4): wait out a 429, refresh a refused token once, retry
// a 5xx that created nothing, and never re-send an init whose outcome is unknown.
import { explain, TikTokError } from "../tiktok/errors";
import type { Job } from "./job-store";
import { fail, type PublishContext, unconfirm } from "./publish-context";
import type { StepResult } from "./publish-phases";
import { STEP_RETRY } from "./retry";
import { ReconnectRequired } from "./token-manager";

/** `sent`: the init request left us, so TikTok may have accepted it. */
export function initFailure(ctx: PublishContext, job: Job, error: unknown, { sent }: { sent: boolean }): StepResult {
  if (error instanceof ReconnectRequired) return fail("account_needs_reconnect", error.message);
  if (!(error instanceof TikTokError)) {
    if (!sent) throw error;
    // The init may have been accepted (e.g. a response we could not read): never guess.
    return unconfirm(`Could not tell whether TikTok accepted the post (${String(error)}).`);
  }
  const { code, logId } = error;
  switch (error.action) {
    case "wait":
      ctx.metrics.record({ name: "tiktok_429", value: 1, at: ctx.clock.now(), label: "init", postId: job.post_id });
      return {
        next: "init",
        at: ctx.pacer.afterRejection(ctx.clock.now()),
        set: { attempts: job.attempts },
        notes: [{ type: "rate_limited", message: "TikTok asked us to slow down; retrying after its one-minute window", logId }],
      };
    case "reconnect":
      if (code === "access_token_invalid")
        return { failed: "init", phase: "init", refreshToken: true, code, message: explain(code, error.message), logId };
      return fail(code, explain(code, error.message), logId);
    case "retry":
      if (code === "network_error" && sent) return unconfirm("The connection to TikTok broke while starting the upload.");
      return {
        failed: "init",
        phase: "init",
        code,
        message: `TikTok kept failing (${code}); giving up after ${job.attempts + 1} attempts.`,
        note: `TikTok error ${error.httpStatus} (${code}); retry ${job.attempts + 1} of ${STEP_RETRY.init.maxAttempts - 1}`,
        logId,
      };
    default:
      return fail(code, explain(code, error.message), logId);
  }
}
