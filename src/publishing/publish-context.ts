// Everything a publish step needs, built once per Durable Object instance.
import type { Database } from "../db/client";
import { finishPost } from "./post-updates";
import type { CreatorInfo, TikTokClient } from "../tiktok/client";
import type { Job, JobStore } from "./job-store";
import type { RatePacer } from "./rate-pacer";
import type { TokenManager } from "./token-manager";
import { recordEvent } from "../posts/post-events";

export type PublishContext = {
  env: Env;
  db: Database;
  store: JobStore;
  pacer: RatePacer;
  tokens: TokenManager;
  client: TikTokClient;
  /** Creator info, reused for a short while so a burst of posts does not spend the 20/min budget. */
  creatorInfo(accessToken: string, now: number, options?: { fresh?: boolean }): Promise<CreatorInfo & { logId: string | null }>;
};

/** Ends the job: the post fails with a reason a person understands. */
export async function failJob(ctx: PublishContext, job: Job, code: string, message: string, now: number, logId: string | null = null) {
  await finishPost(ctx.db, job.post_id, job.claim_token, { status: "failed", errorCode: code, errorMessage: message, eventType: "failed", eventMessage: message, logId }, now);
  ctx.store.remove(job.post_id);
}

/** Ends the job when TikTok's outcome cannot be known: never publish again on a guess. */
export async function unconfirmJob(ctx: PublishContext, job: Job, reason: string, now: number) {
  const message = `${reason} Check the TikTok profile before publishing this again.`;
  await finishPost(ctx.db, job.post_id, job.claim_token, { status: "unconfirmed", errorCode: "unconfirmed", errorMessage: message, eventType: "unconfirmed", eventMessage: message }, now);
  ctx.store.remove(job.post_id);
}

export async function note(ctx: PublishContext, job: Job, type: string, message: string, now: number, logId: string | null = null, data?: unknown) {
  await recordEvent(ctx.db, { postId: job.post_id, at: now, type, message, logId, data });
}
