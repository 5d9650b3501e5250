// Runs one step of a publish job and applies what it returned: the only writer of the job store, and the
// publisher's only path to post transitions and progress in D1. Steps decide; this file records.

import { logEvent } from "../observability/log";
import type { Job, JobStore } from "./job-store";
import type { PublishContext, Step } from "./publish-context";
import { recordNotes, recordOutcome, recordProgress } from "./publish-outcomes";
import { canMove, type Outcome, PHASES, type Phase, type Progress, type StepResult } from "./publish-phases";
import { backoffMs, STEP_RETRY } from "./retry";
import { pollStep } from "./step-poll";
import { prepareStep } from "./step-prepare";
import { sendInitStep } from "./step-send";
import { uploadStep } from "./step-upload";

const STEPS: Record<Phase, Step> = {
  waiting: prepareStep,
  init: prepareStep,
  initiating: sendInitStep,
  uploading: uploadStep,
  polling: pollStep,
  cancelling: pollStep,
  post_id: pollStep,
};

const INTERRUPTED_INIT = "Publishing was interrupted while TikTok was accepting the post.";

export class PublishRunner {
  private readonly store: JobStore;
  private readonly ctx: PublishContext;

  constructor(store: JobStore, ctx: PublishContext) {
    this.store = store;
    this.ctx = ctx;
  }

  async run(job: Job): Promise<void> {
    if (job.running_since !== null && PHASES[job.phase].interrupted === "unconfirm") {
      return this.apply(job, { end: { status: "unconfirmed", reason: INTERRUPTED_INIT } });
    }
    this.store.update(job.post_id, job.claim_token, { running_since: this.ctx.clock.now() });
    let result: StepResult;
    try {
      result = await STEPS[job.phase](this.ctx, job);
      if ("next" in result && !canMove(job.phase, result.next)) throw new Error(`phase ${job.phase} cannot move to ${result.next}`);
    } catch (error) {
      // Our own failure (storage, a bug): back off, and stop retrying before the post is stuck for ever.
      console.error("publish step failed", job.post_id, job.phase, error);
      result = { failed: "internal", code: "internal_error", message: `Publishing failed inside Postflare (${String(error)}).` };
    }
    await this.apply(job, result);
  }

  private async apply(job: Job, result: StepResult): Promise<void> {
    const now = this.ctx.clock.now();
    const { db } = this.ctx;
    if ("next" in result) {
      // The job store first: TikTok's publish_id is durable before anything else happens.
      this.store.update(job.post_id, job.claim_token, {
        attempts: 0,
        refreshed: 0,
        ...result.set,
        phase: result.next,
        next_at: result.at,
        running_since: null,
      });
      if (result.next === "initiating") {
        // How far ahead of its send the post was ready (negative: preparing it made it late).
        logEvent("publish.prepared", { postId: job.post_id, accountId: this.accountId(), sendAt: result.at, aheadMs: result.at - now });
      }
      if (result.progress) {
        await recordProgress(db, job, result.progress, now);
        this.observe(job, result.progress);
      }
      return recordNotes(db, job, result.notes, now);
    }
    if ("end" in result) {
      this.ctx.pacer.cancelReservations(job.post_id, now);
      await recordNotes(db, job, result.notes, now);
      return this.end(job, result.end, now);
    }
    if ("drop" in result) {
      this.ctx.pacer.cancelReservations(job.post_id, now);
      this.store.remove(job.post_id, job.claim_token);
      if (result.progress) await recordProgress(db, job, result.progress, now);
      return recordNotes(db, job, result.notes, now);
    }
    return this.retry(job, result, now);
  }

  private async end(job: Job, outcome: Outcome, now: number) {
    const moved = await recordOutcome(this.ctx.db, job, outcome, now);
    const code = outcome.status === "failed" ? outcome.code : null;
    const reason = outcome.status === "unconfirmed" ? outcome.reason : outcome.status === "failed" ? outcome.message : null;
    this.ctx.metrics.record({
      name: "outcome",
      value: 1,
      at: now,
      label: outcome.status,
      accountId: this.accountId(),
      postId: job.post_id,
    });
    logEvent("publish.outcome", {
      postId: job.post_id,
      accountId: this.accountId(),
      status: outcome.status,
      code,
      reason,
      phase: job.phase,
      applied: moved,
    });
    if (moved && outcome.status === "published" && outcome.followPostId) {
      this.store.update(job.post_id, job.claim_token, {
        phase: "post_id",
        polling_since: now,
        next_at: now + 1_000,
        running_since: null,
        attempts: 0,
      });
      return;
    }
    this.store.remove(job.post_id, job.claim_token);
  }

  /** A failure: refresh a refused token once and replay, or back off per retry.ts until the attempts run out. */
  /** The init left: how late it started against its second (the figure the benchmarks print). */
  private observe(job: Job, progress: Progress) {
    if (progress.kind !== "init") return;
    const latenessMs = progress.initAt - job.scheduled_at;
    this.ctx.metrics.record({
      name: "start_lateness_ms",
      value: latenessMs,
      at: progress.initAt,
      label: progress.mediaSource,
      accountId: this.accountId(),
      postId: job.post_id,
    });
    logEvent("publish.init", {
      postId: job.post_id,
      accountId: this.accountId(),
      logId: progress.logId,
      publishId: progress.publishId,
      phase: job.phase,
      latenessMs,
    });
  }

  private accountId() {
    return this.ctx.tokens.account;
  }

  private async retry(job: Job, failure: Extract<StepResult, { failed: unknown }>, now: number) {
    const phase = failure.phase ?? job.phase;
    if (failure.refreshToken && !job.refreshed) {
      await this.ctx.tokens.accessToken(now, true).catch(() => undefined);
      this.store.update(job.post_id, job.claim_token, { phase, refreshed: 1, next_at: now, running_since: null });
      return;
    }
    const policy = STEP_RETRY[failure.failed];
    const attempts = job.attempts + 1;
    if (failure.refreshToken || attempts >= policy.maxAttempts) {
      const unconfirmed = policy.exhausted === "unconfirm" || (policy.exhausted === "fail_or_unconfirm" && job.publish_id !== null);
      return this.end(
        job,
        unconfirmed
          ? { status: "unconfirmed", reason: failure.message }
          : { status: "failed", code: failure.code, message: failure.message, logId: failure.logId },
        now,
      );
    }
    this.store.update(job.post_id, job.claim_token, { phase, attempts, next_at: now + backoffMs(attempts), running_since: null });
    this.ctx.metrics.record({ name: "retry", value: 1, at: now, label: failure.failed, accountId: this.accountId(), postId: job.post_id });
    logEvent("publish.retry", {
      postId: job.post_id,
      accountId: this.accountId(),
      kind: failure.failed,
      code: failure.code,
      attempt: attempts,
      logId: failure.logId ?? null,
    });
    if (failure.note) await recordNotes(this.ctx.db, job, [{ type: "retrying", message: failure.note, logId: failure.logId }], now);
  }
}
