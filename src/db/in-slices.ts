// D1 binds at most 100 values a statement, and drizzle binds every column of every row in a multi-row INSERT:
// rows go in slices that fit, all slices in one batch (one transaction).
import { getTableColumns, type Table } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./client";

const MAX_BOUND_VALUES = 100;

/** How many values one row of `table` binds in an INSERT (drizzle binds every column, defaults included). */
export const columnCount = (table: Table) => Object.keys(getTableColumns(table)).length;

/** Rows of a table with `columns` columns, in slices of as many rows as one statement can bind. */
export function slices<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_BOUND_VALUES / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Runs one statement per slice in a single batch; answers each statement's result, in order. */
export async function batchSlices<T, R>(db: Database, rows: T[], columns: number, statement: (slice: T[]) => BatchItem<"sqlite">) {
  const [first, ...rest] = slices(rows, columns).map(statement);
  if (!first) return [] as R[];
  return (await db.batch([first, ...rest])) as R[];
}
