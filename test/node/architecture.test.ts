// The shape the code promises (issue 10): one owner per state change, one clock, routes that never query D1
// themselves, one database handle per request or invocation. Each check reads the source as a reviewer would.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

const files = sourceFiles().map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, "utf8") }));
const matching = (pattern: RegExp) =>
  files
    .filter((f) => pattern.test(f.text))
    .map((f) => f.file)
    .sort();

describe("the code's shape", () => {
  it("writes the posts table, and so posts.status, only in posts/post-transitions.ts", () => {
    const writesPosts = /\.(update|insert|delete)\(posts\)|\b(UPDATE|INSERT INTO|DELETE FROM)\s+posts\b/;
    expect(matching(writesPosts)).toEqual(["posts/post-transitions.ts"]);
  });

  it("reads the time only through the clock", () => {
    expect(matching(/Date\.now\(\)/)).toEqual(["shared/clock.ts"]);
  });

  it("keeps D1 queries out of routes: routes call services and repos", () => {
    expect(matching(/from "drizzle-orm"/).filter((f) => f.endsWith(".routes.ts"))).toEqual([]);
    expect(files.filter((f) => f.file.endsWith(".routes.ts") && /db\/schema/.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it("keeps the API contract (*.schemas.ts) pure, so the web app can import it: zod and pure constant modules only", () => {
    const importsOf = (text: string) => [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
    for (const schema of files.filter((f) => f.file.endsWith(".schemas.ts"))) {
      for (const spec of importsOf(schema.text)) {
        if (spec === "zod" || spec === "@hono/zod-openapi") continue;
        expect(spec.startsWith("."), `${schema.file} imports ${spec}`).toBe(true);
        const target = path.relative(SRC, path.resolve(SRC, path.dirname(schema.file), `${spec}.ts`));
        if (target.endsWith(".schemas.ts")) continue;
        const imported = files.find((f) => f.file === target);
        expect(imported, `${schema.file} imports ${spec}`).toBeDefined();
        expect(importsOf(imported!.text), `${target} (imported by ${schema.file}) must import nothing`).toEqual([]);
      }
    }
  });

  it("builds one database handle per request or invocation, in the places that start one", () => {
    expect(matching(/\bdatabase\(/)).toEqual(["app.ts", "db/client.ts", "publishing/account-publisher.ts", "worker.ts"]);
  });
});
