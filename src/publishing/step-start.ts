// waiting → init: at the post's second, if it is still queued under this claim (edits and cancels win) and the
// account has a free init slot under TikTok's 6/min. The publisher then marks it `publishing`.
import { loadPostWithVideo } from "../posts/posts.repo";
import type { Job } from "./job-store";
import { type PublishContext, waitUntil } from "./publish-context";
import type { StepResult } from "./publish-phases";

export async function startStep(ctx: PublishContext, job: Job): Promise<StepResult> {
  const loaded = await loadPostWithVideo(ctx.db, job.post_id);
  if (loaded?.post.status !== "queued" || loaded.post.claimToken !== job.claim_token) return { drop: true };
  const now = ctx.clock.now();
  return pacedUntil(ctx, job, now) ?? { next: "init", at: now, progress: { kind: "started" } };
}

/** The job's wait for its slot when this account already used its init budget, or null when a slot is free. */
export function pacedUntil(ctx: PublishContext, job: Job, now: number): StepResult | null {
  const slot = ctx.pacer.nextSlot("init", now);
  if (slot <= now) return null;
  const notes = job.paced_noted
    ? []
    : [{ type: "paced", message: `TikTok allows 6 uploads per minute per account; this post starts at ${new Date(slot).toISOString()}` }];
  return waitUntil(job, slot, notes, { paced_noted: 1 });
}
