// What a sync step may use: the account, time, D1 (reads and the sync's own writes), TikTok's read endpoints under
// the app-wide budget, the account's tokens and pacer (shared with publishing), R2 for image copies, the schedule.
// Built from the publisher's context, so a sync shares its token refresh, its pacer and its creator-info cache.
import type { Database } from "../db/client";
import type { PublishContext } from "../publishing/publish-context";
import type { RatePacer } from "../publishing/rate-pacer";
import type { TokenManager } from "../publishing/token-manager";
import type { Clock } from "../shared/clock";
import { type DisplayClient, displayClient } from "../tiktok/display-client";
import { type Grant, READ_BUDGET_NAME, type ReadEndpoint } from "./read-budget";
import type { SyncResult, SyncRun } from "./sync-run";
import { type SyncConfig, syncConfig } from "./sync-schedule";

export type ReadBudgetClient = {
  take(endpoint: ReadEndpoint, now: number): Promise<Grant>;
  rejected(endpoint: ReadEndpoint, now: number): Promise<number>;
};

export type SyncContext = {
  accountId: string;
  env: Env;
  db: Database;
  clock: Clock;
  tokens: TokenManager;
  pacer: RatePacer;
  creatorInfo: PublishContext["creatorInfo"];
  client: DisplayClient;
  budget: ReadBudgetClient;
  images: R2Bucket;
  config: SyncConfig;
  random: () => number;
};

export type SyncStep = (ctx: SyncContext, run: SyncRun) => Promise<SyncResult>;

export function syncContext(publish: PublishContext, accountId: string): SyncContext {
  const { env } = publish;
  return {
    accountId,
    env,
    db: publish.db,
    clock: publish.clock,
    tokens: publish.tokens,
    pacer: publish.pacer,
    creatorInfo: publish.creatorInfo,
    client: displayClient(env),
    budget: env.READ_BUDGET.getByName(READ_BUDGET_NAME),
    images: env.VIDEOS,
    config: syncConfig(env),
    random: Math.random,
  };
}

/** Granted scopes of the account row. */
export const scopesOf = (row: { scopes: string }) => row.scopes.split(",").filter(Boolean);
