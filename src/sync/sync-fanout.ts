// The tick's part of the sync: accounts whose next sync is due (a stored next_sync_at, jittered across the day so
// accounts never fire together) are leased and handed out, one queue message each, spread over the minute, to be
// run by each account's Durable Object. Rows read ∝ accounts due (the partial index on next_sync_at).
import type { Database } from "../db/client";
import type { SyncMessage } from "../publishing/messages";
import { READ_BUDGET_PER_WINDOW } from "./read-budget";
import { handOutDueAccounts } from "./sync.repo";

/**
 * At most this many accounts per tick: each profile sync spends one user/info read, so a backlog (after an outage,
 * or 10,000 accounts due at once) drains at about the app's read budget instead of being refused by TikTok.
 */
export const MAX_SYNCS_PER_TICK = Math.floor(READ_BUDGET_PER_WINDOW * 0.9);
/** A handed-out account is handed out again after this long if its run never reported back (a lost message). */
export const SYNC_LEASE_MS = 60 * 60 * 1000;
const QUEUE_BATCH = 100; // sendBatch accepts at most 100 messages

export async function handOutSyncs(db: Database, queue: Queue, now: number): Promise<number> {
  const accounts = await handOutDueAccounts(db, now, MAX_SYNCS_PER_TICK, now + SYNC_LEASE_MS);
  for (let i = 0; i < accounts.length; i += QUEUE_BATCH) {
    await queue.sendBatch(
      accounts.slice(i, i + QUEUE_BATCH).map((accountId, j) => ({
        body: { kind: "sync", accountId, full: false, reason: "scheduled" } satisfies SyncMessage,
        contentType: "json" as const,
        // Spread over the minute until the next tick, so a busy tick does not start every run at once.
        delaySeconds: Math.floor(((i + j) * 60) / accounts.length),
      })),
    );
  }
  return accounts.length;
}
