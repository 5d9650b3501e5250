// env.DB through a wrapper that records every statement the code under test runs, with D1's meta.rows_read,
// rows_written and duration (benchmarks 4 and 10).
export type Entry = {
  sql: string;
  binds: unknown[];
  rowsRead: number;
  rowsWritten: number;
  durationMs: number;
  via: "all" | "run" | "batch" | "raw (re-run with all() to meter)";
};

/** env.DB seen through a wrapper that records meta.rows_read of every statement the code under test runs. */
export function metered(db: D1Database, log: Entry[]): D1Database {
  const real = Symbol("real");
  const wrap = (stmt: D1PreparedStatement, sql: string, binds: unknown[]): D1PreparedStatement => {
    const record = (via: Entry["via"], r: D1Result) =>
      log.push({
        sql,
        binds,
        via,
        rowsRead: r.meta.rows_read ?? 0,
        rowsWritten: r.meta.rows_written ?? 0,
        durationMs: r.meta.duration ?? 0,
      });
    return {
      [real]: stmt,
      sql,
      bind: (...values: unknown[]) => wrap(stmt.bind(...values), sql, values),
      all: async () => {
        const r = await stmt.all();
        record("all", r);
        return r;
      },
      run: async () => {
        const r = await stmt.run();
        record("run", r);
        return r;
      },
      first: (col?: string) => (col === undefined ? stmt.first() : stmt.first(col)),
      raw: async (options?: any) => {
        // raw() returns no meta: for a read-only SELECT, run it once more with all() to learn its rows_read.
        const rows = await stmt.raw(options);
        if (/^\s*select\b/i.test(sql)) record("raw (re-run with all() to meter)", await stmt.all());
        else log.push({ sql, binds, via: "raw (re-run with all() to meter)", rowsRead: NaN, rowsWritten: NaN, durationMs: NaN });
        return rows;
      },
    } as unknown as D1PreparedStatement;
  };
  return {
    prepare: (sql: string) => wrap(db.prepare(sql), sql, []),
    batch: async (statements: D1PreparedStatement[]) => {
      const results = await db.batch(statements.map((s: any) => s[real] ?? s));
      results.forEach((r, i) => {
        const s = statements[i] as any;
        log.push({
          sql: s?.sql ?? "(batch)",
          binds: [],
          via: "batch",
          rowsRead: r.meta.rows_read ?? 0,
          rowsWritten: r.meta.rows_written ?? 0,
          durationMs: r.meta.duration ?? 0,
        });
      });
      return results;
    },
    exec: (sql: string) => db.exec(sql),
    dump: () => (db as any).dump(),
    withSession: (c?: string) => db.withSession(c),
  } as unknown as D1Database;
}
