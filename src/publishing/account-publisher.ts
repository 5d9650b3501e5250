// The per-account Durable Object: it serializes one TikTok account's publishes, paces TikTok's limits,
// owns token refresh, and drives every job from a single alarm pointing at the earliest due step.
import { DurableObject } from "cloudflare:workers";
import { type Database, database } from "../db/client";
import { feedLive } from "../live/live-feed";
import { recordPreflight } from "../posts/post-progress";
import { type Clock, systemClock } from "../shared/clock";
import { TokenCipher } from "../shared/crypto";
import { type CreatorInfo, tiktokClient } from "../tiktok/client";
import { type CreatorInfoView, creatorInfoView } from "./creator-info";
import { type Job, JobStore } from "./job-store";
import type { PreflightMessage, PublishMessage } from "./messages";
import { preflightProblems } from "./preflight-check";
import type { PublishContext } from "./publish-context";
import { PublishRunner } from "./publish-runner";
import { RatePacer } from "./rate-pacer";
import { TokenManager } from "./token-manager";

/** Creator info is reused this long (a burst of posts shares one read; the 20/min budget stays free). */
const CREATOR_INFO_TTL_MS = 30_000;
/** One alarm invocation stops taking new steps after this long (the platform allows 15 min). */
const ALARM_BUDGET_MS = 10 * 60 * 1000;

export type { CreatorInfoView };

export class AccountPublisher extends DurableObject<Env> {
  /** Where this object reads time. Tests replace it (through runInDurableObject) and move it instead of sleeping. */
  clock: Clock = systemClock;
  private readonly store: JobStore;
  private readonly pacer: RatePacer;
  private readonly db: Database;
  private tokens: TokenManager | null = null;
  private cachedCreator: { info: CreatorInfo & { logId: string | null }; at: number } | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new JobStore(ctx.storage.sql);
    this.pacer = new RatePacer(this.store, Number(env.TIKTOK_RATE_WINDOW_MS) || 60_000);
    this.db = database(env.DB);
    feedLive(this.db, env, ctx);
  }

  /** Takes a claimed post. Idempotent: a redelivered message with the same claim changes nothing. */
  async schedule(message: PublishMessage): Promise<void> {
    this.bindAccount(message.accountId);
    const existing = this.store.get(message.postId);
    if (!existing) this.store.insert(message.postId, message.claimToken, message.scheduledAt);
    else if (existing.claim_token !== message.claimToken) this.store.reclaim(message.postId, message.claimToken, message.scheduledAt);
    await this.rearm();
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

  /** The jobs this object holds (for diagnostics and tests). */
  async jobs(): Promise<Job[]> {
    return this.store.all();
  }

  async alarm(): Promise<void> {
    const runner = new PublishRunner(this.store, this.context());
    const started = this.clock.now();
    for (let steps = 0; steps < 1000 && this.clock.now() - started < ALARM_BUDGET_MS; steps++) {
      const job = this.store.nextDue(this.clock.now());
      if (!job) break;
      await runner.run(job);
    }
    await this.rearm();
  }

  private async rearm() {
    const at = this.store.earliest();
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }

  private bindAccount(accountId: string) {
    if (!this.store.getMeta("account_id")) this.store.setMeta("account_id", accountId);
  }

  private tokenManager() {
    const accountId = this.store.getMeta("account_id");
    if (!accountId) throw new Error("account publisher used before it knows its account");
    this.tokens ??= new TokenManager(
      { db: this.db, cipher: new TokenCipher(this.env.TOKEN_ENCRYPTION_KEY), client: tiktokClient(this.env) },
      accountId,
    );
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
