// Runs the account's sync steps inside its Durable Object's alarm, after the publishes, and applies what each step
// returns: the only writer of the sync run and of the run's outcome in D1. Publishing always wins: no step starts
// while a publish of the account is due within a minute (in this object, or claimed in D1 and on its way).

import { findAccountById } from "../accounts/accounts.repo";
import type { JobStore } from "../publishing/job-store";
import { backoffMs } from "../publishing/retry";
import { trackPublished } from "./post-stats.repo";
import { creatorStep } from "./step-creator";
import { metricsStep } from "./step-metrics";
import { profileStep } from "./step-profile";
import { reconcileStep } from "./step-reconcile";
import { tokenStep } from "./step-token";
import { finishSync, imminentPublishAt, syncNoLaterThan } from "./sync.repo";
import type { SyncContext, SyncStep } from "./sync-context";
import { scopesOf } from "./sync-context";
import { SYNC_RETRY } from "./sync-retry";
import { nextPhase, type SyncPhase, type SyncResult, type SyncRun } from "./sync-run";
import type { SyncStore } from "./sync-store";

const STEPS: Record<SyncPhase, SyncStep> = {
  token: tokenStep,
  profile: profileStep,
  creator: creatorStep,
  reconcile: reconcileStep,
  metrics: metricsStep,
};
/** Steps per alarm at most (a full sync of 1,000 posts is about 60). */
const MAX_STEPS = 200;

export class SyncRunner {
  private readonly store: SyncStore;
  private readonly publishes: JobStore;
  private readonly ctx: SyncContext;

  constructor(store: SyncStore, publishes: JobStore, ctx: SyncContext) {
    this.store = store;
    this.publishes = publishes;
    this.ctx = ctx;
  }

  /**
   * Runs due steps until the run waits, ends, a publish comes close, or `deadline`. Never throws into the alarm: a
   * failure outside a step (D1 down) is logged and the run tried again a minute later.
   */
  async runDue(deadline: number): Promise<void> {
    try {
      await this.runSteps(deadline);
    } catch (error) {
      console.error("sync run failed", this.ctx.accountId, error);
      if (this.store.get()) this.store.update({ next_at: this.ctx.clock.now() + SYNC_RETRY.minGapMs, running_since: null });
    }
  }

  private async runSteps(deadline: number): Promise<void> {
    const { clock, db, accountId } = this.ctx;
    const first = this.store.get();
    if (!first || first.next_at > clock.now()) return;
    // Posts claimed for the next minute may still be on their way here (delivered 2 s ahead): wait for them too.
    const claimed = await imminentPublishAt(db, accountId, clock.now() - 60_000, clock.now() + SYNC_RETRY.publishGuardMs + 5_000);
    if (claimed !== null) return this.store.update({ next_at: Math.max(claimed, clock.now()) + SYNC_RETRY.yieldMs });
    for (let steps = 0; steps < MAX_STEPS; steps++) {
      const run = this.store.get();
      const now = clock.now();
      if (!run || run.next_at > now || now >= deadline) return;
      const publishAt = this.publishes.earliest();
      if (publishAt !== null && publishAt <= now + SYNC_RETRY.publishGuardMs) {
        return this.store.update({ next_at: Math.max(publishAt, now) + SYNC_RETRY.yieldMs });
      }
      await this.step(run);
    }
  }

  /**
   * Publishes that just ended: the published public ones start their readings (the first an hour later). Never throws
   * into the publisher: a post missed here is found by the next daily sync (profile step, trackUntracked).
   */
  async publishesEnded(postIds: string[]): Promise<void> {
    if (postIds.length === 0) return;
    const { db, accountId, clock, config } = this.ctx;
    try {
      const account = await findAccountById(db, accountId);
      if (!account || !scopesOf(account).includes("video.list")) return;
      const tracked = await trackPublished(db, accountId, postIds, clock.now(), config);
      const first = Math.min(...tracked.map((t) => t.dueAt ?? Number.POSITIVE_INFINITY));
      if (Number.isFinite(first)) await syncNoLaterThan(db, accountId, first);
    } catch (error) {
      console.error("sync: tracking published posts failed", accountId, postIds, error);
    }
  }

  private async step(run: SyncRun) {
    this.store.update({ running_since: this.ctx.clock.now() });
    let result: SyncResult;
    try {
      result = await STEPS[run.phase](this.ctx, run);
    } catch (error) {
      // Our own failure (storage, a bug, an answer we did not understand): retried, then recorded.
      console.error("sync step failed", this.ctx.accountId, run.phase, error);
      result = { failed: "internal_error", message: `The sync failed inside Postflare (${String(error)}).` };
    }
    await this.apply(run, result);
  }

  private async apply(run: SyncRun, result: SyncResult) {
    const now = this.ctx.clock.now();
    if ("wait" in result) return this.store.update({ next_at: Math.max(result.wait, now), running_since: null });
    if ("reconnect" in result) return this.finish({ ...run, error: result.reconnect }, "needs_reconnect");
    if ("next" in result) {
      if (result.next === "done") return this.finish({ ...run, ...result.set }, run.error ? "error" : "ok");
      return this.store.update({
        attempts: 0,
        refreshed: 0,
        ...result.set,
        phase: result.next,
        next_at: result.at ?? now,
        running_since: null,
      });
    }
    return this.retry(run, result, now);
  }

  /** A refused token is refreshed once and the step replayed; other failures back off, then the run goes on without it. */
  private async retry(run: SyncRun, failure: Extract<SyncResult, { failed: string }>, now: number) {
    if (failure.refreshToken && !run.refreshed) {
      await this.ctx.tokens.accessToken(now, true).catch(() => undefined);
      return this.store.update({ refreshed: 1, next_at: now, running_since: null });
    }
    const attempts = run.attempts + 1;
    if (!failure.final && !failure.refreshToken && attempts < SYNC_RETRY.maxAttempts) {
      return this.store.update({ attempts, next_at: now + backoffMs(attempts), running_since: null });
    }
    const error = run.error ?? failure.message;
    const next = nextPhase(run.phase);
    // Without a token nothing else can be read; otherwise the other parts of the run still go ahead.
    if (run.phase === "token" || next === "done") return this.finish({ ...run, error }, "error");
    this.store.update({ phase: next, attempts: 0, refreshed: 0, error, next_at: now, running_since: null });
  }

  private async finish(run: SyncRun, status: "ok" | "error" | "needs_reconnect") {
    const now = this.ctx.clock.now();
    const notBefore = now + (status === "error" ? SYNC_RETRY.retryLaterMs : SYNC_RETRY.minGapMs);
    await finishSync(this.ctx.db, this.ctx.accountId, { status, error: status === "ok" ? null : run.error, notBefore }, now);
    this.store.remove();
  }
}
