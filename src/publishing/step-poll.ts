// Following TikTok's processing with status/fetch: alarm-driven backoff inside the 30/min budget, until
// PUBLISH_COMPLETE, SEND_TO_USER_INBOX or FAILED. Webhooks can finish a post sooner (see webhooks.ts).
import { explain, TikTokError } from "../tiktok/errors";
import type { Job } from "./job-store";
import { failJob, note, unconfirmJob, type PublishContext } from "./publish-context";
import { finishPost, loadPost, recordPostId } from "./post-updates";
import { backoffMs, RETRY } from "./retry";
import { ReconnectRequired } from "./token-manager";

const now = () => Date.now();
/** Give up waiting for TikTok's verdict after this long (it documents no bound; > 2 min for 4 GB). */
export const POLL_DEADLINE_MS = 60 * 60 * 1000;
/** Keep looking for the public post id (moderation) this long after PUBLISH_COMPLETE. */
export const POST_ID_DEADLINE_MS = 15 * 60 * 1000;

/** 1 s, 1.5 s, 2.25 s … up to 10 s between reads. */
export const pollDelayMs = (polls: number) => Math.min(10_000, Math.round(1_000 * 1.5 ** polls));

export async function pollJob(ctx: PublishContext, job: Job) {
  const t = now();
  const slot = ctx.pacer.nextSlot("status", t);
  if (slot > t) return ctx.store.update(job.post_id, { next_at: slot });
  let status;
  let token: string;
  try {
    token = await ctx.tokens.accessToken(t);
    ctx.pacer.record("status", t);
    status = await ctx.client.fetchStatus(token, job.publish_id!);
  } catch (error) {
    return handlePollError(ctx, job, error);
  }
  const polls = job.polls + 1;
  if (job.phase === "post_id") return followPostId(ctx, job, status.postIds[0] ?? null, polls);
  if (job.phase === "cancelling" && status.status === "FAILED" && status.failReason === "publish_cancelled") {
    return fallBackToFileUpload(ctx, job);
  }
  if (job.phase === "polling" && status.status === "PROCESSING_DOWNLOAD" && t - (job.polling_since ?? t) > pullStallMs(ctx.env)) {
    return cancelStalledPull(ctx, job, token);
  }
  switch (status.status) {
    case "PUBLISH_COMPLETE":
      return complete(ctx, job, status.postIds[0] ?? null, status.logId, polls);
    case "SEND_TO_USER_INBOX":
      await finishPost(ctx.db, job.post_id, job.claim_token, {
        status: "sent_to_inbox",
        eventType: "sent_to_inbox",
        eventMessage: "Delivered to the creator's TikTok inbox: open the TikTok notification to finish and post it.",
        logId: status.logId,
      }, now());
      return ctx.store.remove(job.post_id);
    case "FAILED": {
      const reason = status.failReason ?? "unknown";
      return failJob(ctx, job, reason, explain(reason), now(), status.logId);
    }
    default:
      if (now() - (job.polling_since ?? t) > POLL_DEADLINE_MS) {
        return unconfirmJob(ctx, job, "TikTok has not confirmed the post within an hour.", now());
      }
      ctx.store.update(job.post_id, { polls, attempts: 0, next_at: now() + pollDelayMs(polls) });
  }
}

async function complete(ctx: PublishContext, job: Job, postId: string | null, logId: string | null, polls: number) {
  const t = now();
  const done = await finishPost(ctx.db, job.post_id, job.claim_token, {
    status: "published",
    tiktokPostId: postId,
    eventType: "published",
    eventMessage: postId
      ? `Published on TikTok (post ${postId})`
      : "Published on TikTok. It may take a few minutes for TikTok to process it and show it on the profile.",
    logId,
  }, t);
  const loaded = await loadPost(ctx.db, job.post_id);
  const expectsPublicId = loaded?.post.privacyLevel === "PUBLIC_TO_EVERYONE";
  if (done && !postId && expectsPublicId) {
    ctx.store.update(job.post_id, { phase: "post_id", polls, polling_since: t, next_at: t + pollDelayMs(polls) });
    return;
  }
  ctx.store.remove(job.post_id);
}

async function followPostId(ctx: PublishContext, job: Job, postId: string | null, polls: number) {
  if (postId) {
    await recordPostId(ctx.db, job.post_id, postId, now());
    return ctx.store.remove(job.post_id);
  }
  if (now() - (job.polling_since ?? now()) > POST_ID_DEADLINE_MS) return ctx.store.remove(job.post_id);
  ctx.store.update(job.post_id, { polls, next_at: now() + pollDelayMs(polls) });
}

async function handlePollError(ctx: PublishContext, job: Job, error: unknown) {
  const t = now();
  if (error instanceof ReconnectRequired) {
    return unconfirmJob(ctx, job, `The upload finished but the account must be reconnected to confirm it (${error.message}).`, t);
  }
  if (!(error instanceof TikTokError)) throw error;
  if (error.code === "invalid_publish_id" || error.code === "token_not_authorized_for_specified_publish_id") {
    return unconfirmJob(ctx, job, `TikTok no longer knows this upload (${error.code}).`, t);
  }
  if (error.action === "wait") return ctx.store.update(job.post_id, { next_at: ctx.pacer.afterRejection(t) });
  const attempts = job.attempts + 1;
  if (error.code === "access_token_invalid" && attempts <= 2) {
    await ctx.tokens.accessToken(t, true).catch(() => undefined);
    return ctx.store.update(job.post_id, { attempts, next_at: t });
  }
  if (attempts >= RETRY.maxAttempts * 3) {
    return unconfirmJob(ctx, job, `TikTok's status service kept failing (${error.code}).`, t);
  }
  ctx.store.update(job.post_id, { attempts, next_at: t + backoffMs(attempts) });
  if (attempts === 1) await note(ctx, job, "retrying", `Reading the status failed (${error.code}); retrying`, t, error.logId);
}

/** A pull still downloading after this long is cancelled and replaced by FILE_UPLOAD (default 10 min). */
export const pullStallMs = (env: Env) => Number(env.PULL_STALL_MS) || 10 * 60 * 1000;

async function cancelStalledPull(ctx: PublishContext, job: Job, token: string) {
  const t = now();
  try {
    await ctx.client.cancel(token, job.publish_id!);
  } catch (error) {
    if (error instanceof TikTokError && error.code === "publish_not_cancellable") {
      // Already past the download: let it finish.
      return ctx.store.update(job.post_id, { polling_since: t, next_at: t + pollDelayMs(job.polls) });
    }
    return handlePollError(ctx, job, error);
  }
  ctx.store.update(job.post_id, { phase: "cancelling", attempts: 0, next_at: t + FIRST_CONFIRM_DELAY_MS });
  await note(ctx, job, "pull_cancelled", "TikTok's download of the video stalled; cancelled it and waiting for TikTok to confirm before uploading the file directly", t);
}

/** The cancel is confirmed (FAILED publish_cancelled): nothing can post from it, so a new FILE_UPLOAD init is safe. */
async function fallBackToFileUpload(ctx: PublishContext, job: Job) {
  const t = now();
  ctx.store.update(job.post_id, {
    phase: "init",
    publish_id: null,
    source: "FILE_UPLOAD",
    source_reason: "the pull from our media URL stalled in PROCESSING_DOWNLOAD (cancelled and confirmed)",
    attempts: 0,
    next_at: t,
  });
  await note(ctx, job, "source_fallback", "TikTok confirmed the cancelled pull; uploading the file directly", t);
}

const FIRST_CONFIRM_DELAY_MS = 500;
