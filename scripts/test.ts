// `npm test`: every check, in order, stopping at the first failure (the order matters: the dry-run deploy
// and the browser journey need web/dist, so the web build comes first).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(root, "test-results/vitest.json");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

const steps: [label: string, command: string, args: string[]][] = [
  ["build the web app", bin("vite"), ["build", "web"]],
  ["bundle the Worker (dry-run deploy)", bin("wrangler"), ["deploy", "--dry-run", "--outdir", "dist"]],
  ["typecheck", "npm", ["run", "typecheck"]],
  ["tests (worker + node)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${RESULTS}`, ...process.argv.slice(2)]],
];

rmSync(RESULTS, { force: true });
for (const [label, command, args] of steps) {
  console.log(`\n▶ ${label}: ${path.basename(command)} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) {
    console.error(`\n✘ ${label} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
    if (label.startsWith("tests")) printTally();
    process.exit(result.status || 1);
  }
}
console.log("\n✔ all checks passed");
printTally(); // last line: CI reads it

/** The plain "N passed, N failed" closing line CI reads, from Vitest's JSON report. */
function printTally() {
  if (!existsSync(RESULTS)) return;
  const report = JSON.parse(readFileSync(RESULTS, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  console.log(`\ntests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
}
