// The per-account Durable Object: it serializes one TikTok account's publishes, paces TikTok's limits,
// owns token refresh, and drives every job from a single alarm pointing at the earliest due step.
import { DurableObject } from "cloudflare:workers";
import { database } from "../db/client";
import { tiktokClient, type CreatorInfo } from "../tiktok/client";
import { explain, TikTokError } from "../tiktok/errors";
import { JobStore, type Job } from "./job-store";
import type { PreflightMessage, PublishMessage } from "./messages";
import { preflightProblems, recordPreflight } from "./preflight-check";
import { failJob, unconfirmJob, type PublishContext } from "./publish-context";
import { RatePacer } from "./rate-pacer";
import { backoffMs, RETRY } from "./retry";
import { initJob, startJob } from "./step-init";
import { pollJob } from "./step-poll";
import { uploadChunks } from "./step-upload";
import { loadPost } from "./post-updates";
import { ReconnectRequired, TokenManager } from "./token-manager";

/** Creator info is reused this long (a burst of posts shares one read; the 20/min budget stays free). */
const CREATOR_INFO_TTL_MS = 30_000;
/** One alarm invocation stops taking new steps after this long (the platform allows 15 min). */
const ALARM_BUDGET_MS = 10 * 60 * 1000;

export type CreatorInfoView = {
  nickname: string;
  username: string;
  avatarUrl: string | null;
  privacyLevelOptions: string[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
  canPost: boolean;
  cannotPostReason: string | null;
};

export class AccountPublisher extends DurableObject<Env> {
  private readonly store: JobStore;
  private readonly pacer: RatePacer;
  private tokens: TokenManager | null = null;
  private cachedCreator: { info: CreatorInfo & { logId: string | null }; at: number } | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new JobStore(ctx.storage.sql);
    this.pacer = new RatePacer(this.store, Number(env.TIKTOK_RATE_WINDOW_MS) || 60_000);
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
    const blank = { nickname: "", username: "", avatarUrl: null, privacyLevelOptions: [], commentDisabled: true, duetDisabled: true, stitchDisabled: true, maxVideoPostDurationSec: 0 };
    try {
      const now = Date.now();
      // Fresh for the composer (audit rule), unless the 20/min budget is spent: then the last answer.
      const info = await this.context().creatorInfo(await this.tokenManager().accessToken(now), now, { fresh: true });
      return {
        nickname: info.creator_nickname,
        username: info.creator_username,
        avatarUrl: info.creator_avatar_url || null,
        privacyLevelOptions: info.privacy_level_options,
        commentDisabled: info.comment_disabled,
        duetDisabled: info.duet_disabled,
        stitchDisabled: info.stitch_disabled,
        maxVideoPostDurationSec: info.max_video_post_duration_sec,
        canPost: true,
        cannotPostReason: null,
      };
    } catch (error) {
      if (error instanceof ReconnectRequired) return { ...blank, canPost: false, cannotPostReason: error.message };
      if (error instanceof TikTokError) {
        const reason = error.action === "user" || error.action === "reconnect" ? explain(error.code, error.message) : "TikTok is not answering right now; try again in a minute.";
        return { ...blank, canPost: false, cannotPostReason: reason };
      }
      throw error;
    }
  }

  /** A webhook or the sweeper learned the outcome of a publish this object follows. */
  async settle(postId: string): Promise<void> {
    this.store.remove(postId);
    await this.rearm();
  }

  /** Pre-flight check ~10 minutes before the post is due; returns the problems found (also stored as a warning). */
  async preflight(message: PreflightMessage): Promise<string[]> {
    this.bindAccount(message.accountId);
    const ctx = this.context();
    const now = Date.now();
    const problems = await preflightProblems(ctx, message.postId, now);
    if (problems === null) return [];
    await recordPreflight(ctx, message.postId, problems, now);
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
    const started = Date.now();
    for (let steps = 0; steps < 1000 && Date.now() - started < ALARM_BUDGET_MS; steps++) {
      const job = this.store.nextDue(Date.now());
      if (!job) break;
      await this.step(job);
    }
    await this.rearm();
  }

  private async step(job: Job) {
    const ctx = this.context();
    try {
      switch (job.phase) {
        case "waiting":
          return await startJob(ctx, job);
        case "init":
          return await initJob(ctx, job);
        case "initiating":
          // A previous run stopped while TikTok was answering our init: it may have been accepted.
          return await unconfirmJob(ctx, job, "Publishing was interrupted while TikTok was accepting the post.", Date.now());
        case "uploading": {
          const loaded = await loadPost(ctx.db, job.post_id);
          if (!loaded) return this.store.remove(job.post_id);
          return await uploadChunks(ctx, job, loaded.video);
        }
        case "polling":
        case "cancelling":
        case "post_id":
          return await pollJob(ctx, job);
      }
    } catch (error) {
      // Our own failure (storage, a bug): back off, and stop retrying before the post is stuck for ever.
      console.error("publish step failed", job.post_id, job.phase, error);
      const attempts = job.attempts + 1;
      if (attempts >= RETRY.maxAttempts) {
        const message = `Publishing failed inside Postflare (${String(error)}).`;
        if (job.publish_id) return unconfirmJob(ctx, job, message, Date.now()).catch(() => this.store.remove(job.post_id));
        return failJob(ctx, job, "internal_error", message, Date.now()).catch(() => this.store.remove(job.post_id));
      }
      this.store.update(job.post_id, { attempts, next_at: Date.now() + backoffMs(attempts) });
    }
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
    this.tokens ??= new TokenManager(this.env, accountId);
    return this.tokens;
  }

  private context(): PublishContext {
    const client = tiktokClient(this.env);
    return {
      env: this.env,
      db: database(this.env.DB),
      store: this.store,
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
