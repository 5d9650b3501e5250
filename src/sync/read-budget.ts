// The app-wide budget of TikTok's read endpoints (user/info, video/list, video/query: 600 requests/min each,
// dimension not stated, so counted as if per app: tiktok-api.md §2.1, §5). One Durable Object instance counts every
// account's reads in a sliding window, says when the next one may go out, and after TikTok answers 429 holds the
// whole app back for a window. Callers pass their clock's `now` (tests drive it).
import { DurableObject } from "cloudflare:workers";
import { migrateSql } from "../publishing/sql-migrations";

export type ReadEndpoint = "user_info" | "video_list" | "video_query";

/** TikTok allows 600 per window; we spend 540 and leave 10 % for reads outside the sync (connect's user/info) and clock skew. */
export const READ_BUDGET_PER_WINDOW = 540;
/** Margin after a slot frees up, so our clock and TikTok's need not agree to the millisecond (as rate-pacer.ts). */
const MARGIN_MS = 250;
/** The one instance every account asks. */
export const READ_BUDGET_NAME = "tiktok-read-budget";

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS reads (endpoint TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS reads_endpoint_at ON reads(endpoint, at);
  CREATE TABLE IF NOT EXISTS holds (endpoint TEXT PRIMARY KEY, since INTEGER NOT NULL, until INTEGER NOT NULL);`,
];

export type Grant = { granted: true } | { granted: false; retryAt: number };

export class ReadBudget extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly windowMs: number;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.windowMs = Number(env.TIKTOK_RATE_WINDOW_MS) || 60_000;
    migrateSql(this.sql, MIGRATIONS);
  }

  /** Spends one read of `endpoint` at `now` if the window has room; otherwise says when to ask again. */
  async take(endpoint: ReadEndpoint, now: number): Promise<Grant> {
    const hold = this.sql
      .exec<{ since: number; until: number }>("SELECT since, until FROM holds WHERE endpoint = ?", endpoint)
      .toArray()[0];
    // A hold only applies after it was set (a clock that moved back, in tests, is not held by a future hold).
    if (hold && hold.since <= now && now < hold.until) return { granted: false, retryAt: hold.until };
    const since = now - this.windowMs;
    this.sql.exec("DELETE FROM reads WHERE endpoint = ? AND at <= ?", endpoint, since);
    const inWindow = this.sql
      .exec<{ at: number }>("SELECT at FROM reads WHERE endpoint = ? AND at > ? AND at <= ? ORDER BY at", endpoint, since, now)
      .toArray();
    if (inWindow.length >= READ_BUDGET_PER_WINDOW) {
      return { granted: false, retryAt: inWindow[inWindow.length - READ_BUDGET_PER_WINDOW]!.at + this.windowMs + MARGIN_MS };
    }
    this.sql.exec("INSERT INTO reads (endpoint, at) VALUES (?, ?)", endpoint, now);
    return { granted: true };
  }

  /** TikTok answered 429: nobody reads `endpoint` for a full window from now. Returns when reads resume. */
  async rejected(endpoint: ReadEndpoint, now: number): Promise<number> {
    const until = now + this.windowMs + MARGIN_MS;
    this.sql.exec(
      "INSERT INTO holds (endpoint, since, until) VALUES (?, ?, ?) ON CONFLICT(endpoint) DO UPDATE SET since = excluded.since, until = excluded.until",
      endpoint,
      now,
      until,
    );
    return until;
  }

  /** Reads spent in the window ending at `now`, per endpoint (diagnostics, tests, the benchmark). */
  async usage(now: number): Promise<Record<string, number>> {
    const rows = this.sql
      .exec<{ endpoint: string; n: number }>(
        "SELECT endpoint, count(*) AS n FROM reads WHERE at > ? AND at <= ? GROUP BY endpoint",
        now - this.windowMs,
        now,
      )
      .toArray();
    return Object.fromEntries(rows.map((r) => [r.endpoint, r.n]));
  }
}
