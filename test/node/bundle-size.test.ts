// The web app's first load stays small: the JavaScript index.html loads, gzipped, within issue 13's budget
// (100 kB; `npm run build` prints the same figure). Reads web/dist as `npm test`'s dry-run deploy built it.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIRST_LOAD_BUDGET_BYTES, firstLoadJs, kb } from "../../scripts/bundle-size.ts";
import { ROOT } from "./harness.ts";

const DIST = path.join(ROOT, "web/dist");

describe("the web app's first load", () => {
  it("is at most 100 kB of gzipped JavaScript", () => {
    expect(existsSync(path.join(DIST, "index.html")), "web/dist is built by `npm run build` (npm test does it first)").toBe(true);
    const { files, gzipBytes } = firstLoadJs(DIST);
    console.log(`first-load JS: ${kb(gzipBytes)} gzipped in ${files.map((f) => `${f.file} (${kb(f.gzipBytes)})`).join(", ")}`);
    expect(files.length).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  });
});
