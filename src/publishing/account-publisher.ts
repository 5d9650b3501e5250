// The per-account Durable Object: it serializes one TikTok account's publishes, paces TikTok's limits,
// owns token refresh, and drives every job from a single alarm pointing at the earliest due step.
import { DurableObject } from "cloudflare:workers";
import { type Database, database } from "../db/client";
import { feedLive } from "../live/live-feed";
import { Metrics } from "../observability/metrics";
import { recordPreflight } from "../posts/post-progress";
import { type Clock, systemClock } from "../shared/clock";
import { tokenCipher } from "../shared/token-cipher";
import { syncContext } from "../sync/sync-context";
import { SyncRunner } from "../sync/sync-runner";
import { SyncStore } from "../sync/sync-store";
import { type CreatorInfo, tiktokClient } from "../tiktok/client";
import { StepBudget, untilFirst } from "./alarm-loop";
import { type CreatorInfoView, creatorInfoView } from "./creator-info";
import { type Job, JobStore } from "./job-store";
import type { PreflightMessage, PublishMessage, SyncMessage } from "./messages";
import { preflightProblems } from "./preflight-check";
import type { PublishContext } from "./publish-context";
import { PublishRunner } from "./publish-runner";
import { RatePacer } from "./rate-pacer";
import { prepareAt } from "./step-prepare";
import { TokenManager } from "./token-manager";

/** Creator info is reused this long (a burst of posts shares one read; the 20/min budget stays free). */
const CREATOR_INFO_TTL_MS = 30_000;
/** One alarm invocation stops taking new steps after this long (the platform allows 15 min), or this many steps. */
const ALARM_BUDGET_MS = 10 * 60 * 1000;
const MAX_STEPS_PER_ALARM = 2_000;

export type { CreatorInfoView };

export class AccountPublisher extends DurableObject<Env> {
  /** Where this object reads time. Tests replace it (through runInDurableObject) and move it instead of sleeping. */
  clock: Clock = systemClock;
  private readonly store: JobStore;
  private readonly syncs: SyncStore;
  private readonly pacer: RatePacer;
  private readonly db: Database;
  private tokens: TokenManager | null = null;
  private cachedCreator: { info: CreatorInfo & { logId: string | null }; at: number } | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new JobStore(ctx.storage.sql);
    this.syncs = new SyncStore(ctx.storage.sql);
    this.pacer = new RatePacer(this.store, Number(env.TIKTOK_RATE_WINDOW_MS) || 60_000);
    this.db = database(env.DB);
    feedLive(this.db, env, ctx);
  }

  /**
   * Takes a claimed post; it is prepared 5–30 s before its second (step-prepare.ts prepareAt). Idempotent: a redelivered message with
   * the same claim changes nothing, and a claim already released (an edit or cancel got here first) is refused.
   */
  async schedule(message: PublishMessage): Promise<void> {
    this.bindAccount(message.accountId);
    if (this.store.wasReleased(message.claimToken)) return;
    const preparedAt = Math.max(this.clock.now(), prepareAt(message.postId, message.scheduledAt));
    const existing = this.store.get(message.postId);
    const post = message.post ? JSON.stringify(message.post) : null;
    if (!existing) this.store.insert(message.postId, message.claimToken, message.scheduledAt, preparedAt, post);
    else if (existing.claim_token !== message.claimToken)
      this.store.reclaim(message.postId, message.claimToken, message.scheduledAt, preparedAt, post);
    await this.rearm();
  }

  /**
   * An edit or a cancel of a queued post asks here first (this object is the post's authority until its init
   * leaves): the job under `claimToken` is withdrawn, unless its init is being sent or was sent — then the post is
   * publishing and the change is refused. Answered before D1 changes, so nothing stale can go out after.
   */
  async release(postId: string, claimToken: string): Promise<"released" | "started"> {
    const now = this.clock.now();
    const job = this.store.get(postId);
    if (job && job.claim_token === claimToken) {
      const sending = job.phase === "initiating" && job.running_since !== null;
      if (sending || job.publish_id !== null || !["waiting", "init", "initiating"].includes(job.phase)) return "started";
      this.store.remove(postId, claimToken);
      this.pacer.cancelReservations(postId, now);
    }
    this.store.forgetClaim(claimToken, now);
    await this.rearm();
    return "released";
  }

  /** Fresh creator info for the composer (audit rule: query it every time the form is shown). */
  async creatorInfo(accountId: string): Promise<CreatorInfoView> {
    this.bindAccount(accountId);
    const now = this.clock.now();
    // Fresh for the composer, unless the 20/min budget is spent: then the last answer.
    return creatorInfoView(async () => this.context().creatorInfo(await this.tokenManager().accessToken(now), now, { fresh: true }));
  }

  /** A webhook or the sweeper learned the outcome of a publish this object follows. */
  async settle(postId: string): Promise<void> {
    this.store.remove(postId);
    await this.syncRunner()?.publishesEnded([postId]);
    await this.rearm();
  }

  /** The account's sync is due (the tick) or asked for ("Sync now"); it runs after and around publishes (src/sync/). */
  async sync(message: SyncMessage): Promise<void> {
    this.bindAccount(message.accountId);
    this.syncs.request(message.accountId, message.full ?? false, message.reason ?? "scheduled", this.clock.now());
    await this.rearm();
  }

  /** Pre-flight check ~10 minutes before the post is due; returns the problems found (also stored as a warning). */
  async preflight(message: PreflightMessage): Promise<string[]> {
    this.bindAccount(message.accountId);
    const now = this.clock.now();
    const problems = await preflightProblems(this.context(), message.postId, now);
    if (problems === null) return [];
    await recordPreflight(this.db, message.postId, problems, now);
    return problems;
  }

  /** Sweeper: does this object still hold a job for the post? If so, make sure its alarm is armed. */
  async holds(postId: string): Promise<boolean> {
    const held = this.store.get(postId) !== null;
    if (held) await this.rearm();
    return held;
  }

  /**
   * The account is being disconnected: every post not yet sent to TikTok is withdrawn here (before D1 cancels it),
   * so nothing prepared can go out after; posts already at TikTok keep being followed to their outcome.
   */
  async withdrawAll(): Promise<number> {
    let withdrawn = 0;
    for (const job of this.store.all()) if ((await this.release(job.post_id, job.claim_token)) === "released") withdrawn += 1;
    return withdrawn;
  }

  /** The account is deleted for good: forget every job and the alarm (its posts are gone from D1 too). */
  async purge(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.tokens = null;
    this.cachedCreator = null;
  }

  /** The jobs this object holds (for diagnostics and tests). */
  async jobs(): Promise<Job[]> {
    return this.store.all();
  }

  /**
   * Runs every due job, each job's steps in order but jobs side by side: a long chunk upload never holds back
   * another post's init at its second (a timer inside the run starts jobs that fall due meanwhile).
   */
  async alarm(): Promise<void> {
    const context = this.context();
    const runner = new PublishRunner(this.store, context);
    const started = this.clock.now();
    const budget = new StepBudget(this.clock, ALARM_BUDGET_MS, MAX_STEPS_PER_ALARM);
    const held = this.store.all().map((j) => j.post_id);
    const running = new Map<string, Promise<void>>();
    for (;;) {
      if (budget.left()) {
        for (const job of this.store.due(this.clock.now())) {
          if (!running.has(job.post_id))
            running.set(
              job.post_id,
              this.runJob(runner, job.post_id, budget).finally(() => running.delete(job.post_id)),
            );
        }
      }
      if (running.size === 0) break;
      await untilFirst([...running.values()], this.store.earliestExcept([...running.keys()]), this.clock);
    }
    // Then the sync: posts whose publish ended start their readings; sync steps run unless a publish is near.
    const sync = this.syncRunner();
    await sync?.publishesEnded(held.filter((postId) => this.store.get(postId) === null));
    await sync?.runDue(started + ALARM_BUDGET_MS);
    await this.rearm();
    await context.metrics.flush();
  }

  /** One job's steps, back to back while they are due. */
  private async runJob(runner: PublishRunner, postId: string, budget: StepBudget) {
    for (let job = this.store.get(postId); job && job.next_at <= this.clock.now() && budget.take(); job = this.store.get(postId)) {
      await runner.run(job);
    }
  }

  /** The alarm points at the earliest publish step or sync step. */
  private async rearm() {
    const times = [this.store.earliest(), this.syncs.earliest()].filter((t) => t !== null);
    if (times.length === 0) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(Math.min(...times));
  }

  private syncRunner(): SyncRunner | null {
    const accountId = this.store.getMeta("account_id");
    return accountId ? new SyncRunner(this.syncs, this.store, syncContext(this.context(), accountId)) : null;
  }

  private bindAccount(accountId: string) {
    if (!this.store.getMeta("account_id")) this.store.setMeta("account_id", accountId);
  }

  private tokenManager() {
    const accountId = this.store.getMeta("account_id");
    if (!accountId) throw new Error("account publisher used before it knows its account");
    this.tokens ??= new TokenManager({ db: this.db, cipher: tokenCipher(this.env), client: tiktokClient(this.env) }, accountId);
    return this.tokens;
  }

  private context(): PublishContext {
    const client = tiktokClient(this.env);
    return {
      env: this.env,
      db: this.db,
      clock: this.clock,
      pacer: this.pacer,
      tokens: this.tokenManager(),
      client,
      metrics: new Metrics(this.env, this.db),
      creatorInfo: async (accessToken, now, options) => {
        if (!options?.fresh && this.cachedCreator && now - this.cachedCreator.at < CREATOR_INFO_TTL_MS) return this.cachedCreator.info;
        const slot = this.pacer.nextSlot("creator_info", now);
        if (slot > now && this.cachedCreator) return this.cachedCreator.info;
        this.pacer.record("creator_info", now);
        const info = await client.creatorInfo(accessToken);
        this.cachedCreator = { info, at: now };
        return info;
      },
    };
  }
}
