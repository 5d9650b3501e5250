// Versioned schema for a Durable Object's SQLite: each entry runs once, in order; the applied count is kept in a
// one-row table. Synchronous writes in a Durable Object commit together (no await in between), so a migration
// and its version bump land together.

export function migrateSql(sql: SqlStorage, migrations: readonly string[]) {
  sql.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const row = sql.exec<{ version: number }>("SELECT version FROM schema_version").toArray()[0];
  let applied = row?.version ?? legacyVersion(sql);
  if (!row) sql.exec("INSERT INTO schema_version (version) VALUES (?)", applied);
  for (; applied < migrations.length; applied++) {
    sql.exec(migrations[applied]!);
    sql.exec("UPDATE schema_version SET version = ?", applied + 1);
  }
}

/** Objects created before versioning already hold the first schema (it was applied with IF NOT EXISTS). */
function legacyVersion(sql: SqlStorage) {
  return sql.exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'jobs'").one().n > 0 ? 1 : 0;
}
