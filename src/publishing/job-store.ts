// The account publisher's own SQLite: one row per post it is publishing, and a ledger of TikTok calls for
// pacing. The alarm always points at the earliest `next_at`. Only the account Durable Object writes jobs
// (steps return what should happen; publish-runner.ts applies it here).
import type { Job, JobChanges } from "./job";
import { migrateSql } from "./sql-migrations";

export type { Job, JobChanges };

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS jobs (
    post_id TEXT PRIMARY KEY, claim_token TEXT NOT NULL, scheduled_at INTEGER NOT NULL, phase TEXT NOT NULL,
    next_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, reinits INTEGER NOT NULL DEFAULT 0,
    publish_id TEXT, upload_url TEXT, source TEXT, source_reason TEXT, chunk_size INTEGER, chunk_count INTEGER,
    next_chunk INTEGER NOT NULL DEFAULT 0, polls INTEGER NOT NULL DEFAULT 0, polling_since INTEGER,
    paced_noted INTEGER NOT NULL DEFAULT 0);
  CREATE INDEX IF NOT EXISTS jobs_next_at ON jobs(next_at);
  CREATE TABLE IF NOT EXISTS calls (kind TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS calls_kind_at ON calls(kind, at);
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  `ALTER TABLE jobs ADD COLUMN running_since INTEGER;
  ALTER TABLE jobs ADD COLUMN refreshed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE jobs ADD COLUMN request TEXT;
  ALTER TABLE jobs ADD COLUMN video_key TEXT;
  ALTER TABLE jobs ADD COLUMN video_type TEXT;
  ALTER TABLE jobs ADD COLUMN video_size INTEGER;
  ALTER TABLE jobs ADD COLUMN public_post INTEGER NOT NULL DEFAULT 0;`,
  // Prepared inits reserve their slot at their send time; a withdrawn post gives its future slots back.
  // Claims released by an edit or a cancel are remembered a while, so a late duplicate message cannot revive them.
  `ALTER TABLE calls ADD COLUMN post_id TEXT;
  CREATE TABLE IF NOT EXISTS released_claims (claim_token TEXT PRIMARY KEY, released_at INTEGER NOT NULL);`,
  "ALTER TABLE jobs ADD COLUMN post TEXT;",
  // The account sync's run (src/sync/sync-store.ts): at most one per account, the alarm also points at its next_at.
  `CREATE TABLE IF NOT EXISTS sync_runs (
    account_id TEXT PRIMARY KEY, phase TEXT NOT NULL, next_at INTEGER NOT NULL, running_since INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0, refreshed INTEGER NOT NULL DEFAULT 0, full INTEGER NOT NULL DEFAULT 0,
    profile INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL, started_at INTEGER NOT NULL, cursor INTEGER,
    pages INTEGER NOT NULL DEFAULT 0, after_post TEXT, error TEXT);`,
];

export type CallKind = "init" | "status" | "creator_info";

export class JobStore {
  private readonly sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.sql = sql;
    migrateSql(sql, MIGRATIONS);
  }

  get(postId: string): Job | null {
    return (this.sql.exec<Job>("SELECT * FROM jobs WHERE post_id = ?", postId).toArray()[0] as Job | undefined) ?? null;
  }

  /** A new job, first due `preparedAt` (a few seconds before the post's second). */
  insert(postId: string, claimToken: string, scheduledAt: number, preparedAt: number, post: string | null) {
    this.sql.exec(
      "INSERT INTO jobs (post_id, claim_token, scheduled_at, phase, next_at, post) VALUES (?, ?, ?, 'waiting', ?, ?)",
      postId,
      claimToken,
      scheduledAt,
      preparedAt,
      post,
    );
  }

  /** Replaces a not-yet-sent job's claim (the post was edited and claimed again): it is prepared again. */
  reclaim(postId: string, claimToken: string, scheduledAt: number, preparedAt: number, post: string | null) {
    this.sql.exec(
      `UPDATE jobs SET claim_token = ?, scheduled_at = ?, next_at = ?, post = ?, phase = 'waiting', request = NULL, attempts = 0,
        refreshed = 0, paced_noted = 0, running_since = NULL
       WHERE post_id = ? AND publish_id IS NULL AND (phase <> 'initiating' OR running_since IS NULL)`,
      claimToken,
      scheduledAt,
      preparedAt,
      post,
      postId,
    );
  }

  /** Changes the job, only while it still holds `claimToken` (a newer claim is never overwritten). */
  update(postId: string, claimToken: string, changes: JobChanges) {
    const keys = Object.keys(changes) as (keyof JobChanges)[];
    if (keys.length === 0) return;
    const assignments = keys.map((k) => `${k} = ?`).join(", ");
    this.sql.exec(
      `UPDATE jobs SET ${assignments} WHERE post_id = ? AND claim_token = ?`,
      ...keys.map((k) => changes[k] ?? null),
      postId,
      claimToken,
    );
  }

  /** Removes the job; with `claimToken`, only if it still holds that claim. */
  remove(postId: string, claimToken?: string) {
    if (claimToken === undefined) this.sql.exec("DELETE FROM jobs WHERE post_id = ?", postId);
    else this.sql.exec("DELETE FROM jobs WHERE post_id = ? AND claim_token = ?", postId, claimToken);
  }

  /** Jobs due at `now`, sends first (a prepared init waits for nothing). */
  due(now: number): Job[] {
    return this.sql.exec<Job>("SELECT * FROM jobs WHERE next_at <= ? ORDER BY phase = 'initiating' DESC, next_at", now).toArray() as Job[];
  }

  /** The earliest next_at among jobs other than `postIds` (those already running). */
  earliestExcept(postIds: string[]): number | null {
    const running = new Set(postIds);
    const rows = this.sql.exec<{ post_id: string; next_at: number }>(
      "SELECT post_id, next_at FROM jobs ORDER BY next_at LIMIT ?",
      running.size + 1,
    );
    return rows.toArray().find((r) => !running.has(r.post_id))?.next_at ?? null;
  }

  earliest(): number | null {
    const row = this.sql.exec<{ at: number | null }>("SELECT min(next_at) AS at FROM jobs").one();
    return row.at ?? null;
  }

  all(): Job[] {
    return this.sql.exec<Job>("SELECT * FROM jobs ORDER BY next_at").toArray() as Job[];
  }

  recordCall(kind: CallKind, at: number, postId: string | null) {
    this.sql.exec("INSERT INTO calls (kind, at, post_id) VALUES (?, ?, ?)", kind, at, postId);
  }

  dropCallsAfter(postId: string, now: number) {
    this.sql.exec("DELETE FROM calls WHERE post_id = ? AND at > ?", postId, now);
  }

  /** Remembers a released claim (for a day) so a duplicate queue message cannot bring it back. */
  forgetClaim(claimToken: string, now: number) {
    this.sql.exec("DELETE FROM released_claims WHERE released_at < ?", now - 86_400_000);
    this.sql.exec("INSERT OR IGNORE INTO released_claims (claim_token, released_at) VALUES (?, ?)", claimToken, now);
  }

  wasReleased(claimToken: string): boolean {
    return this.sql.exec("SELECT 1 FROM released_claims WHERE claim_token = ?", claimToken).toArray().length > 0;
  }

  /** Calls of `kind` inside the sliding window ending at `now`, oldest first. */
  callsSince(kind: CallKind, since: number): number[] {
    this.sql.exec("DELETE FROM calls WHERE at <= ?", since - 3_600_000);
    return this.sql
      .exec<{ at: number }>("SELECT at FROM calls WHERE kind = ? AND at > ? ORDER BY at", kind, since)
      .toArray()
      .map((r) => r.at);
  }

  getMeta(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  setMeta(key: string, value: string) {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
  }
}
