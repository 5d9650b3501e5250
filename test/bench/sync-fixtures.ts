// Benchmark 8's D1 at scale (10,000 accounts × 30 published posts, each tracked by the sync) and a D1 wrapper that
// records meta.rows_read/rows_written of every statement the code under test runs (as benchmark 4 does).
import { database } from "../../src/db/client";
import { DEFAULT_SYNC_CONFIG, nextReading } from "../../src/sync/sync-schedule";
import { env } from "./helpers";

export type Entry = { sql: string; rowsRead: number; rowsWritten: number };

/** env.DB seen through a wrapper that records every statement's rows read and written (all, run, first, batch). */
export function metered(db: D1Database, log: Entry[]): D1Database {
  const real = Symbol("real");
  const record = (sql: string, r: D1Result) => log.push({ sql, rowsRead: r.meta.rows_read ?? 0, rowsWritten: r.meta.rows_written ?? 0 });
  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement =>
    ({
      [real]: stmt,
      sql,
      bind: (...values: unknown[]) => wrap(stmt.bind(...values), sql),
      all: async () => {
        const r = await stmt.all();
        record(sql, r);
        return r;
      },
      run: async () => {
        const r = await stmt.run();
        record(sql, r);
        return r;
      },
      first: async (col?: string) => {
        const r = await stmt.all();
        record(sql, r);
        const row = (r.results[0] ?? null) as Record<string, unknown> | null;
        return col === undefined ? row : (row?.[col] ?? null);
      },
      raw: async (options?: { columnNames?: boolean }) => {
        // raw() returns no meta: run the statement as all() (same rows, same cost) and shape the answer as raw().
        const r = await stmt.all<Record<string, unknown>>();
        record(sql, r);
        const rows = r.results.map((row) => Object.values(row));
        return options?.columnNames ? [Object.keys(r.results[0] ?? {}), ...rows] : rows;
      },
    }) as unknown as D1PreparedStatement;
  return {
    prepare: (sql: string) => wrap(db.prepare(sql), sql),
    batch: async (statements: D1PreparedStatement[]) => {
      const results = await db.batch(statements.map((s) => (s as unknown as Record<symbol, D1PreparedStatement>)[real] ?? s));
      for (const [i, r] of results.entries()) record((statements[i] as unknown as { sql?: string }).sql ?? "(batch)", r);
      return results;
    },
    exec: (sql: string) => db.exec(sql),
    dump: () => (db as unknown as { dump(): Promise<ArrayBuffer> }).dump(),
    withSession: (c?: string) => db.withSession(c),
  } as unknown as D1Database;
}

export const meteredDb = (log: Entry[]) => database(metered(env.DB, log));
export const totals = (log: Entry[]) => ({
  statements: log.length,
  rowsRead: log.reduce((n, e) => n + e.rowsRead, 0),
  rowsWritten: log.reduce((n, e) => n + e.rowsWritten, 0),
});

const DAY = 86_400_000;
const STATEMENTS_PER_BATCH = 50;

/** Bulk insert: the bound values of each row first, then `constants` (SQL) for the remaining columns. */
async function insertRows(table: string, columns: string, constants: string, rows: unknown[][]) {
  const perStatement = Math.floor(100 / (rows[0]?.length ?? 1)); // D1 binds at most 100 parameters per statement
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement);
    const values = slice.map((r) => `(${r.map(() => "?").join(", ")}${constants ? `, ${constants}` : ""})`).join(", ");
    statements.push(env.DB.prepare(`INSERT INTO ${table} (${columns}) VALUES ${values}`).bind(...slice.flat()));
  }
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) await env.DB.batch(statements.slice(i, i + STATEMENTS_PER_BATCH));
}

/**
 * `accounts` active accounts with `posts` published public posts each (published uniformly over the last 90 days,
 * tracked with their next reading), next syncs spread over the day as the steady state leaves them.
 */
export async function insertScale(accounts: number, posts: number, now: number, random: () => number) {
  const ws = "ws_sync_bench";
  await env.DB.batch([
    env.DB.prepare("INSERT INTO workspaces (id, name, created_at) VALUES (?, 'sync bench', ?)").bind(ws, now),
    env.DB.prepare(
      "INSERT INTO videos (id, workspace_id, r2_key, filename, content_type, size, part_size, part_count, status, created_at, updated_at) VALUES ('vid_sync_bench', ?, 'sync-bench', 'b.mp4', 'video/mp4', 1000, 1000, 1, 'ready', ?, ?)",
    ).bind(ws, now, now),
  ]);
  const ids = Array.from({ length: accounts }, (_, i) => `acc_sb${i}`);
  const profileDue = ids.map(() => now + Math.floor(random() * DAY));
  const published = ids.map(() => Array.from({ length: posts }, () => now - Math.floor(random() * 90 * DAY)));
  const readings = published.map((times) => times.map((t) => nextReading(t, now, DEFAULT_SYNC_CONFIG)));
  const nextSync = ids.map((_, a) => Math.min(profileDue[a]!, ...readings[a]!.map((r) => r?.dueAt ?? Number.POSITIVE_INFINITY)));
  const cols = "id, next_sync_at, profile_due_at";
  const constants = `'${ws}', 'open_' || abs(random()), 'bench', 'user.info.basic,user.info.stats,video.list', 'x', 'x', ${now + DAY}, ${now + 90 * DAY}, ${now}, ${now}`;
  await insertRows(
    "tiktok_accounts",
    `${cols}, workspace_id, open_id, display_name, scopes, access_token_enc, refresh_token_enc, access_expires_at, refresh_expires_at, connected_at, updated_at`,
    constants,
    ids.map((id, a) => [id, nextSync[a], profileDue[a]]),
  );
  const postRows = ids.flatMap((id, a) => published[a]!.map((t, p) => [`post_sb${a}_${p}`, id, t, t]));
  await insertRows(
    "posts",
    "id, account_id, completed_at, scheduled_at, workspace_id, video_id, caption, privacy_level, mode, timezone, status, tiktok_post_id, created_at, updated_at",
    `'${ws}', 'vid_sync_bench', 'bench', 'PUBLIC_TO_EVERYONE', 'direct', 'UTC', 'published', '7' || abs(random()), ${now}, ${now}`,
    postRows,
  );
  const statsRows = ids.flatMap((id, a) => readings[a]!.map((r, p) => [`post_sb${a}_${p}`, id, r?.dueAt ?? null, r?.windowAt ?? null]));
  await insertRows("post_stats", "post_id, account_id, due_at, window_at", "", statsRows);
  return { ids, nextSync };
}
