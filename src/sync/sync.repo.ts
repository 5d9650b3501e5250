// The account side of the sync in D1: handing out due accounts (the tick), what a run writes (profile, stats and
// their daily row, creator info, the run's outcome and next time), and "Sync now"'s once-a-minute limit.
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { accountStatsDaily, tiktokAccounts } from "../db/schema";
import type { SyncStatus } from "./sync-status";

/** Hands out up to `limit` active accounts whose sync is due, oldest first, leasing them until `leaseUntil`. */
export async function handOutDueAccounts(db: Database, now: number, limit: number, leaseUntil: number): Promise<string[]> {
  // The partial index on next_sync_at (active accounts only) makes this read the due rows and no others.
  const rows = await db.all<{ id: string }>(sql`
    UPDATE tiktok_accounts SET next_sync_at = ${leaseUntil}
    WHERE id IN (SELECT id FROM tiktok_accounts WHERE status = 'active' AND next_sync_at <= ${now} ORDER BY next_sync_at LIMIT ${limit})
    RETURNING id`);
  return rows.map((r) => r.id);
}

export type ProfileUpdate = {
  displayName?: string;
  username?: string;
  bioDescription?: string;
  profileDeepLink?: string;
  isVerified?: boolean;
  avatar?: { key: string; source: string };
  stats?: { followers: number; following: number; likes: number; videos: number };
  profileDueAt: number;
};

/** The UTC day of `ms`, YYYY-MM-DD (the daily series' key). */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Profile and stats on the account, and the day's stats row (the last reading of a day wins), in one batch. */
export async function saveProfile(db: Database, accountId: string, p: ProfileUpdate, now: number) {
  const set = {
    ...(p.displayName ? { displayName: p.displayName } : {}),
    ...(p.username ? { username: p.username } : {}),
    ...(p.bioDescription !== undefined ? { bioDescription: p.bioDescription } : {}),
    ...(p.profileDeepLink !== undefined ? { profileDeepLink: p.profileDeepLink } : {}),
    ...(p.isVerified !== undefined ? { isVerified: p.isVerified } : {}),
    ...(p.avatar ? { avatarKey: p.avatar.key, avatarSource: p.avatar.source } : {}),
    ...(p.stats
      ? {
          followerCount: p.stats.followers,
          followingCount: p.stats.following,
          likesCount: p.stats.likes,
          videoCount: p.stats.videos,
          statsSyncedAt: now,
        }
      : {}),
    profileDueAt: p.profileDueAt,
  };
  const update = db.update(tiktokAccounts).set(set).where(eq(tiktokAccounts.id, accountId));
  if (!p.stats) return void (await update);
  const row = { accountId, day: utcDay(now), ...p.stats, syncedAt: now };
  const daily = db
    .insert(accountStatsDaily)
    .values(row)
    .onConflictDoUpdate({ target: [accountStatsDaily.accountId, accountStatsDaily.day], set: { ...p.stats, syncedAt: now } });
  await db.batch([update, daily]);
}

export async function saveCreatorInfo(db: Database, accountId: string, info: unknown, now: number) {
  await db
    .update(tiktokAccounts)
    .set({ creatorInfo: JSON.stringify(info), creatorInfoAt: now })
    .where(eq(tiktokAccounts.id, accountId));
}

/** Moves the account's next sync earlier (a post's first reading), never later. */
export async function syncNoLaterThan(db: Database, accountId: string, at: number) {
  await db
    .update(tiktokAccounts)
    .set({ nextSyncAt: sql`min(coalesce(${tiktokAccounts.nextSyncAt}, ${at}), ${at})` })
    .where(eq(tiktokAccounts.id, accountId));
}

export type RunOutcome = { status: SyncStatus; error: string | null; notBefore: number };

/**
 * The run's outcome, and the next sync: the earlier of the next profile sync and the next post reading, never before
 * `notBefore` (an error retries later, not every minute).
 */
export async function finishSync(db: Database, accountId: string, outcome: RunOutcome, now: number) {
  const profile = sql`coalesce(${tiktokAccounts.profileDueAt}, ${outcome.notBefore})`;
  const reading = sql`coalesce((SELECT min(due_at) FROM post_stats WHERE account_id = ${accountId}), ${profile})`;
  await db
    .update(tiktokAccounts)
    .set({
      lastSyncAt: now,
      syncStatus: outcome.status,
      syncError: outcome.error,
      nextSyncAt: outcome.status === "needs_reconnect" ? null : sql`max(min(${profile}, ${reading}), ${outcome.notBefore})`,
    })
    .where(eq(tiktokAccounts.id, accountId));
}

/** "Sync now", at most once a minute per account: true when this request took the slot. */
export async function takeSyncNowSlot(db: Database, accountId: string, now: number, everyMs: number) {
  const rows = await db
    .update(tiktokAccounts)
    .set({ syncRequestedAt: now })
    .where(
      and(eq(tiktokAccounts.id, accountId), or(isNull(tiktokAccounts.syncRequestedAt), lte(tiktokAccounts.syncRequestedAt, now - everyMs))),
    )
    .returning({ id: tiktokAccounts.id });
  return rows.length > 0;
}

/** The earliest post of the account due to publish within (from, to], scheduled or queued: a sync yields to it. */
export async function imminentPublishAt(db: Database, accountId: string, from: number, to: number): Promise<number | null> {
  const [row] = await db.all<{ at: number | null }>(sql`
    SELECT min(scheduled_at) AS at FROM posts
    WHERE account_id = ${accountId} AND scheduled_at > ${from} AND scheduled_at <= ${to} AND status IN ('scheduled', 'queued')`);
  return row?.at ?? null;
}
