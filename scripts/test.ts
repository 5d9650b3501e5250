// `npm test`: every check, in order, stopping at the first failure. The dry-run deploy comes first: like a real
// deploy it builds the web app (wrangler.toml's [build]), and the browser tests need that web/dist.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { NoiseFilter } from "./workerd-noise.ts";

const root = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(root, "test-results/vitest.json");
const NOISE_LOG = path.join(root, "test-results/workerd-noise.log");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

type Step = { label: string; command: string; args: string[]; filter?: NoiseFilter };
const noise = new NoiseFilter();
const steps: Step[] = [
  {
    label: "build the web app and bundle the Worker (dry-run deploy)",
    command: bin("wrangler"),
    args: ["deploy", "--dry-run", "--outdir", "dist"],
  },
  { label: "format and lint (Biome; `npm run format` fixes what it can)", command: bin("biome"), args: ["ci", "."] },
  { label: "typecheck", command: "npm", args: ["run", "typecheck"] },
  {
    label: "tests (worker + node)",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${RESULTS}`, ...process.argv.slice(2)],
    filter: noise,
  },
];

for (const file of [RESULTS, NOISE_LOG]) rmSync(file, { force: true });
for (const step of steps) {
  console.log(`\n▶ ${step.label}: ${path.basename(step.command)} ${step.args.join(" ")}`);
  const outcome = await run(step);
  const isTests = step.filter !== undefined;
  if (isTests) reportNoise();
  const tally = isTests ? readTally() : null;
  if (outcome !== 0 || tally?.failed) {
    console.error(
      `\n✘ ${step.label} failed (${outcome === 0 ? "see the test files below" : typeof outcome === "number" ? `exit ${outcome}` : outcome})`,
    );
    if (isTests) console.log(tally?.text ?? "\ntests: no results (Vitest wrote no report; see its output above)");
    process.exit(typeof outcome === "number" && outcome !== 0 ? outcome : 1);
  }
}
console.log("\n✔ all checks passed");
console.log(readTally()?.text); // last line: CI reads it

/** Runs a step; its output goes through the step's noise filter when it has one. Resolves to the exit code or a reason. */
function run({ command, args, filter }: Step): Promise<number | string> {
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", ...(filter && process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}) };
  const child = spawn(command, args, { cwd: root, env, stdio: ["inherit", filter ? "pipe" : "inherit", filter ? "pipe" : "inherit"] });
  const piped: Promise<void>[] = [];
  if (filter) {
    for (const [from, to] of [
      [child.stdout!, process.stdout],
      [child.stderr!, process.stderr],
    ] as const) {
      const isNoise = filter.stream();
      const lines = createInterface({ input: from, crlfDelay: Infinity });
      lines.on("line", (line) => isNoise(line) || to.write(`${line}\n`));
      piped.push(new Promise((resolve) => lines.once("close", resolve)));
    }
  }
  return new Promise((resolve) => {
    child.once("error", (error) => resolve(error.message));
    child.once("close", (code, signal) => void Promise.all(piped).then(() => resolve(code ?? `signal ${signal}`)));
  });
}

function reportNoise() {
  const summary = noise.summary();
  if (!summary) return;
  mkdirSync(path.dirname(NOISE_LOG), { recursive: true });
  writeFileSync(NOISE_LOG, `${noise.hidden.join("\n")}\n`);
  console.log(`\n(${summary}; the lines are in ${path.relative(root, NOISE_LOG)})`);
}

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; status: string; message: string; assertionResults: { status: string }[] }[];
}

/**
 * The closing "tests: N passed, N failed, N skipped" line from Vitest's JSON report. A test file that failed
 * outside its tests (import error, beforeAll, teardown) counts too: its tests show as skipped, not failed.
 */
function readTally(): { text: string; failed: boolean } | null {
  if (!existsSync(RESULTS)) return null;
  const report = JSON.parse(readFileSync(RESULTS, "utf8")) as Report;
  const broken = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  );
  const lines = broken.map((file) => `  ✘ ${path.relative(root, file.name)}: ${file.message.split("\n")[0] || "failed"}`);
  let tally = `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`;
  if (broken.length > 0) tally += `; ${broken.length} test file${broken.length === 1 ? "" : "s"} failed to run`;
  return { text: ["", ...lines, tally].join("\n"), failed: report.numFailedTests > 0 || broken.length > 0 };
}
