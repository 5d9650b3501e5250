// A D1 binding that counts what a piece of work costs: statements sent and rows read (from each result's meta,
// which D1 fills for all(), run() and batch(); raw() returns none, so those statements are counted but not their rows).

export type D1Tally = { queries: number; rowsRead: number; rowsWritten: number };

export function meteredD1(db: D1Database, tally: D1Tally): D1Database {
  const add = (result: D1Result) => {
    tally.rowsRead += result.meta?.rows_read ?? 0;
    tally.rowsWritten += result.meta?.rows_written ?? 0;
  };
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, prop) {
        if (prop === TARGET) return target;
        if (prop === "bind") return (...values: unknown[]) => wrap(target.bind(...values));
        if (prop === "all" || prop === "run") {
          return async () => {
            tally.queries += 1;
            const result = await target[prop]();
            add(result);
            return result;
          };
        }
        if (prop === "raw" || prop === "first") {
          return (...args: never[]) => {
            tally.queries += 1;
            return (target[prop] as (...a: never[]) => unknown)(...args);
          };
        }
        return own(target, prop);
      },
    });
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => wrap(target.prepare(query));
      if (prop === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          tally.queries += statements.length;
          const results = await target.batch(statements.map(unwrap));
          for (const r of results) add(r);
          return results;
        };
      }
      return own(target, prop);
    },
  });
}

/** A property of the real object, methods bound to it (native bindings refuse another `this`). */
function own(target: object, prop: string | symbol) {
  const value = Reflect.get(target, prop);
  return typeof value === "function" ? value.bind(target) : value;
}

const TARGET = Symbol("target");

/** batch() must be given the binding's own statements, not our proxies. */
function unwrap(stmt: D1PreparedStatement): D1PreparedStatement {
  return (stmt as D1PreparedStatement & { [TARGET]?: D1PreparedStatement })[TARGET] ?? stmt;
}
