// The sync as the API offers it: "Sync now" (at most once a minute per account), the stats series, a post's
// readings, and the copied images. Workspace boundaries are checked here: another workspace's account is a 404.
import { findAccount } from "../accounts/accounts.repo";
import type { Database } from "../db/client";
import { findPost } from "../posts/posts.repo";
import { AppError, notFound } from "../shared/errors";
import { iso } from "../shared/http";
import { takeSyncNowSlot, utcDay } from "./sync.repo";
import { metricPoints, postStatsOf, statsSeries } from "./sync-read.repo";
import { syncStateView } from "./sync-view";

/** "Sync now" at most this often per account. */
export const SYNC_NOW_EVERY_MS = 60_000;
const DAY = 86_400_000;
/** Default and largest span of GET /accounts/{id}/stats. */
const DEFAULT_DAYS = 90;
const MAX_DAYS = 400;

export class TooSoon extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(429, "sync_too_soon", `This account was synced less than a minute ago. Try again in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export async function requestSyncNow(env: Env, db: Database, workspaceId: string, accountId: string, now: number) {
  const account = await findAccount(db, workspaceId, accountId);
  if (!account) throw notFound("Account");
  if (account.status !== "active") throw new AppError(409, "account_needs_reconnect", "Reconnect this TikTok account before syncing it");
  if (!(await takeSyncNowSlot(db, accountId, now, SYNC_NOW_EVERY_MS))) {
    throw new TooSoon(Math.max(1, Math.ceil(((account.syncRequestedAt ?? now) + SYNC_NOW_EVERY_MS - now) / 1000)));
  }
  await env.ACCOUNT_PUBLISHER.getByName(accountId).sync({ kind: "sync", accountId, full: true, reason: "manual" });
  return syncStateView({ ...account, syncRequestedAt: now, nextSyncAt: now });
}

export async function accountStats(
  db: Database,
  workspaceId: string,
  accountId: string,
  range: { from?: string; to?: string },
  now: number,
) {
  if (!(await findAccount(db, workspaceId, accountId))) throw notFound("Account");
  const to = range.to ?? utcDay(now);
  const from = range.from ?? utcDay(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY);
  if (from > to) throw new AppError(400, "invalid_range", "`from` must not be after `to`", { path: "from" });
  if (Date.parse(to) - Date.parse(from) > MAX_DAYS * DAY) throw new AppError(400, "invalid_range", `Ask for at most ${MAX_DAYS} days`);
  return statsSeries(db, accountId, from, to);
}

export async function postMetricsSeries(db: Database, workspaceId: string, postId: string) {
  if (!(await findPost(db, workspaceId, postId))) throw notFound("Post");
  return (await metricPoints(db, postId)).map((p) => ({ ...p, at: iso(p.at)! }));
}

/** The stored avatar of an account of the workspace, or null. */
export async function avatarKey(db: Database, workspaceId: string, accountId: string) {
  return (await findAccount(db, workspaceId, accountId))?.avatarKey ?? null;
}

export async function coverKey(db: Database, workspaceId: string, postId: string) {
  if (!(await findPost(db, workspaceId, postId))) return null;
  return (await postStatsOf(db, postId))?.coverKey ?? null;
}
