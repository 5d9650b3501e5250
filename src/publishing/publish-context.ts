// What a publish step may use: time, the database (reads), R2, TikTok, the account's tokens and pacer.
// Steps never write the job store; they return a StepResult (publish-phases.ts).
import type { Database } from "../db/client";
import type { Metrics } from "../observability/metrics";
import type { Clock } from "../shared/clock";
import type { CreatorInfo, TikTokClient } from "../tiktok/client";
import type { Job } from "./job-store";
import type { Note, Outcome, StepResult } from "./publish-phases";
import type { RatePacer } from "./rate-pacer";
import type { TokenManager } from "./token-manager";

export type PublishContext = {
  env: Env;
  db: Database;
  clock: Clock;
  pacer: RatePacer;
  tokens: TokenManager;
  client: TikTokClient;
  /** Figures for operators (start lateness, outcomes, 429s, retries); flushed when the alarm run ends. */
  metrics: Metrics;
  /** Creator info, reused for a short while so a burst of posts does not spend the 20/min budget. */
  creatorInfo(accessToken: string, now: number, options?: { fresh?: boolean }): Promise<CreatorInfo & { logId: string | null }>;
};

export type Step = (ctx: PublishContext, job: Job) => Promise<StepResult>;

export const fail = (code: string, message: string, logId: string | null = null): StepResult => ({
  end: { status: "failed", code, message, logId },
});

/** TikTok's outcome cannot be known: never publish again on a guess. */
export const unconfirm = (reason: string): StepResult => ({ end: { status: "unconfirmed", reason } satisfies Outcome });

/** Stay in the same phase until `at` without counting an attempt (pacing, TikTok's 429 window). */
export const waitUntil = (job: Job, at: number, notes: Note[] = [], set: Partial<Job> = {}): StepResult => ({
  next: job.phase,
  at,
  set: { attempts: job.attempts, refreshed: job.refreshed, ...set },
  notes,
});
