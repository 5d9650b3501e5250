// polling | cancelling | post_id: following TikTok's processing with status/fetch, inside the 30/min budget,
// until PUBLISH_COMPLETE, SEND_TO_USER_INBOX or FAILED. Webhooks can finish a post sooner (webhooks.ts).
import type { PublishStatus } from "../tiktok/client";
import { explain } from "../tiktok/errors";
import type { Job } from "./job-store";
import { pollDelayMs, pollFailure } from "./poll-errors";
import { fail, type PublishContext, unconfirm, waitUntil } from "./publish-context";
import type { StepResult } from "./publish-phases";
import { cancelStalledPull, fallBackToFileUpload, pullStalled } from "./step-pull";

/** Give up waiting for TikTok's verdict after this long (it documents no bound; > 2 min for 4 GB). */
export const POLL_DEADLINE_MS = 60 * 60 * 1000;
/** Keep looking for the public post id (moderation) this long after PUBLISH_COMPLETE. */
export const POST_ID_DEADLINE_MS = 15 * 60 * 1000;

export async function pollStep(ctx: PublishContext, job: Job): Promise<StepResult> {
  const now = ctx.clock.now();
  const slot = ctx.pacer.nextSlot("status", now);
  if (slot > now) return waitUntil(job, slot);
  let status: PublishStatus & { logId: string | null };
  let token: string;
  try {
    token = await ctx.tokens.accessToken(now);
    ctx.pacer.record("status", now);
    status = await ctx.client.fetchStatus(token, job.publish_id!);
  } catch (error) {
    return pollFailure(ctx, job, error);
  }
  const polls = job.polls + 1;
  const postId = status.postIds[0] ?? null;
  if (job.phase === "post_id") return followPostId(job, postId, polls, now);
  if (job.phase === "cancelling" && status.status === "FAILED" && status.failReason === "publish_cancelled")
    return fallBackToFileUpload(now);
  if (job.phase === "polling" && pullStalled(ctx, job, status, now)) return cancelStalledPull(ctx, job, token, now);
  switch (status.status) {
    case "PUBLISH_COMPLETE": {
      const message = postId
        ? `Published on TikTok (post ${postId})`
        : "Published on TikTok. It may take a few minutes for TikTok to process it and show it on the profile.";
      return {
        end: { status: "published", tiktokPostId: postId, message, logId: status.logId, followPostId: !postId && job.public_post === 1 },
      };
    }
    case "SEND_TO_USER_INBOX":
      return {
        end: {
          status: "sent_to_inbox",
          message: "Delivered to the creator's TikTok inbox: open the TikTok notification to finish and post it.",
          logId: status.logId,
        },
      };
    case "FAILED": {
      const reason = status.failReason ?? "unknown";
      return fail(reason, explain(reason), status.logId);
    }
    default:
      if (now - (job.polling_since ?? now) > POLL_DEADLINE_MS) return unconfirm("TikTok has not confirmed the post within an hour.");
      return { next: job.phase, at: now + pollDelayMs(polls), set: { polls } };
  }
}

function followPostId(job: Job, postId: string | null, polls: number, now: number): StepResult {
  if (postId) return { drop: true, progress: { kind: "post_id", tiktokPostId: postId } };
  if (now - (job.polling_since ?? now) > POST_ID_DEADLINE_MS) return { drop: true };
  return { next: "post_id", at: now + pollDelayMs(polls), set: { polls } };
}
