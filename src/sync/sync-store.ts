// The account Durable Object's sync run in its SQLite (table created by job-store.ts's versioned migrations): one
// row per account at most. A request while a run is pending merges into it (idempotent: a redelivered message or a
// second "Sync now" changes nothing but what the run covers). Only sync-runner.ts changes a run once it exists.
import type { SyncRun, SyncRunChanges } from "./sync-run";

export class SyncStore {
  private readonly sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.sql = sql;
  }

  get(): SyncRun | null {
    return (this.sql.exec<SyncRun>("SELECT * FROM sync_runs LIMIT 1").toArray()[0] as SyncRun | undefined) ?? null;
  }

  /**
   * A new run from `token` at `now`, or the pending one brought forward to `now`; a full request ("Sync now")
   * widening a scheduled run restarts it from `token`, so profile and every post are read.
   */
  request(accountId: string, full: boolean, reason: string, now: number) {
    this.sql.exec(
      `INSERT INTO sync_runs (account_id, phase, next_at, full, reason, started_at) VALUES (?, 'token', ?, ?, ?, ?)
       ON CONFLICT(account_id) DO UPDATE SET
         phase = CASE WHEN excluded.full > full THEN 'token' ELSE phase END,
         after_post = CASE WHEN excluded.full > full THEN NULL ELSE after_post END,
         cursor = CASE WHEN excluded.full > full THEN NULL ELSE cursor END,
         pages = CASE WHEN excluded.full > full THEN 0 ELSE pages END,
         attempts = CASE WHEN excluded.full > full THEN 0 ELSE attempts END,
         full = max(full, excluded.full),
         next_at = min(next_at, excluded.next_at)`,
      accountId,
      now,
      full ? 1 : 0,
      reason,
      now,
    );
  }

  update(changes: SyncRunChanges) {
    const keys = Object.keys(changes) as (keyof SyncRunChanges)[];
    if (keys.length === 0) return;
    this.sql.exec(`UPDATE sync_runs SET ${keys.map((k) => `${k} = ?`).join(", ")}`, ...keys.map((k) => changes[k] ?? null));
  }

  remove() {
    this.sql.exec("DELETE FROM sync_runs");
  }

  earliest(): number | null {
    return this.sql.exec<{ at: number | null }>("SELECT min(next_at) AS at FROM sync_runs").one().at ?? null;
  }
}
