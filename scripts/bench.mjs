// `npm run bench`: runs the benchmarks (test/bench, a Vitest project of its own, not part of `npm test`)
// with inherited output, then prints a summary of the figures each benchmark reported.
// Extra arguments go to Vitest, e.g. `npm run bench -- test/bench/4-scale.bench.test.ts`.
// BENCH_SEED=<n> replays the random due times of benchmarks 1 and 2.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "postflare-bench-"));
const resultsFile = path.join(dir, "results.json");
const started = Date.now();

// Two Vitest runs: every benchmark but the memory one, then the memory one alone with workerd's inspector
// enabled (so it can force a GC before each RSS baseline; see test/bench/vitest.config.ts).
let child = null;
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    interrupted = true;
    child?.kill(signal);
  });
}
function run(phase) {
  child = spawn(
    process.execPath,
    [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--config", "test/bench/vitest.config.ts", ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, BENCH_PHASE: phase, BENCH_RESULTS_FILE: resultsFile, WRANGLER_SEND_METRICS: "false" },
    },
  );
  return new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
}
const codes = [];
for (const phase of ["main", "memory"]) if (!interrupted) codes.push(await run(phase));
const code = interrupted ? 130 : (codes.find((c) => c !== 0) ?? 0);

let results = {};
try {
  results = JSON.parse(readFileSync(resultsFile, "utf8"));
} catch {
  /* no benchmark reported (failed before reporting) */
}
rmSync(dir, { recursive: true, force: true });

const get = (o, p) => p.split(".").reduce((v, k) => (v == null ? undefined : v[k]), o);
const fmt = (v) =>
  v === undefined || v === null ? "–" : Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v);
const rows = [];
const add = (bench, figure, value, goal = "") => rows.push([bench, figure, fmt(value), goal]);

for (const [name, f] of Object.entries(results)) {
  if (name.startsWith("1 ")) {
    add(name, "published / lost / duplicated", `${f.published}/${f.posts} / ${f.lost} / ${f.duplicated}`, "Celery: 12/20 published");
    add(name, "429s (rejected inits)", f.rejectedInits429, "0");
    add(
      name,
      "lateness mean / p50 / p99 / max",
      `${f.lateness.mean} / ${f.lateness.p50} / ${f.lateness.p99} / ${f.lateness.max}`,
      "Celery: 28.6 / 32.9 / 49.1 s",
    );
    add(
      name,
      "required by 6/min: mean / p50 / p99 / max",
      `${f.requiredByPacing.mean} / ${f.requiredByPacing.p50} / ${f.requiredByPacing.p99} / ${f.requiredByPacing.max}`,
    );
    add(
      name,
      "excess over pacing (given actual inits): mean / max",
      `${f.excessOverPacingGivenActualInits.mean} / ${f.excessOverPacingGivenActualInits.max}`,
      "≈ 0 (250 ms margin)",
    );
    add(name, "seed", f.seed);
  } else if (name.startsWith("2 ")) {
    add(name, "published / lost / duplicated", `${f.published}/${f.posts} / ${f.lost} / ${f.duplicated}`);
    add(
      name,
      "lateness mean / p50 / p99 / max",
      `${f.lateness.mean} / ${f.lateness.p50} / ${f.lateness.p99} / ${f.lateness.max}`,
      "p99 ≤ 2 s",
    );
    add(name, "claimed at creation / by cron", `${f.claimedAtCreation} / ${f.claimedByCron}`);
    add(name, "p99 claimed at creation / by cron", `${f.latenessClaimedAtCreation?.p99} / ${f.latenessClaimedByCron?.p99}`);
    if (f.syncReads) add(name, "sync reads: total / while posts went out", `${f.syncReads.total} / ${f.syncReads.whilePostsWentOut}`);
    add(name, "seed", f.seed);
  } else if (name.startsWith("3 ")) {
    add(name, "published, sha256 match, completeCount", `${f.status}, ${f.sha256Matches}, ${f.completeCount}`);
    add(name, "chunks × bytes", `${f.chunks} × ${f.chunkBytes}`);
    add(
      name,
      "publish: RSS growth sampled / VmHWM (MB)",
      `${get(f, "publish.rss.growthSampledMB")} / ${get(f, "publish.rss.growthHwmMB")}`,
      "≤ ~20 MB (2 chunks)",
    );
    add(name, "publish: growth in chunks", get(f, "publish.rss.growthInChunks"), "≤ ~2");
    add(name, "publish: time, throughput", `${get(f, "publish.seconds")} s, ${get(f, "publish.throughputMBps")} MB/s`);
    add(
      name,
      "upload via API: RSS growth sampled / VmHWM (MB)",
      `${get(f, "uploadThroughApi.rss.growthSampledMB")} / ${get(f, "uploadThroughApi.rss.growthHwmMB")}`,
    );
  } else if (name.startsWith("4 ")) {
    add(name, "insert 100,000 posts", `${f.insert.seconds} s`);
    add(name, "tick, ~10 due: rows read (3 rounds)", f.tickWith10Due.rowsReadTotal, "∝ due posts");
    add(name, "tick, ~10 due: wall ms (3 rounds)", f.tickWith10Due.wallMs);
    add(name, "markMissed rows read: as is / with bound", `${f.markMissedFix.asIs.rowsRead} / ${f.markMissedFix.withBound.rowsRead}`);
    add(name, "spike: 10,000 due the same second (5,000 accounts): claimed", f.spike.claimed, "all, by one tick");
    add(name, "spike: tick wall ms / D1 statements", `${f.spike.wallMs} / ${f.spike.d1Statements}`);
    add(name, "spike: rows read (per due post)", `${f.spike.rowsReadTotal} (${f.spike.rowsReadPerDuePost})`, "∝ due posts");
    add(name, "spike: sendBatch calls (max msgs)", `${f.spike.sendBatchCalls} (${f.spike.maxMessagesPerCall})`, "≤ 100 each");
    add(name, "spike: last message delivered before its second", `${f.spike.latestDeliverySecondsBeforeDue} s`, "> 5 s (prepare lead)");
  } else if (name.startsWith("5 ")) {
    for (const key of ["latency0", "latency150"]) {
      const r = f[key];
      add(name, `TikTok ${r.latencyMs} ms away: published / duplicated`, `${r.published}/${r.posts} / ${r.duplicated}`);
      add(
        name,
        `TikTok ${r.latencyMs} ms away: start p50 / p99 / max`,
        `${r.lateness.p50} / ${r.lateness.p99} / ${r.lateness.max}`,
        "≤ 0.10 s (was 0.18 s at 150 ms)",
      );
      add(name, `TikTok ${r.latencyMs} ms away: within 100 ms`, `${r.within100ms}/${r.posts}`);
    }
  } else if (name.startsWith("6 ")) {
    for (const r of f.bursts) {
      add(name, `${r.posts} posts / ${r.accounts} accounts: published / duplicated`, `${r.published}/${r.posts} / ${r.duplicated}`);
      add(name, `${r.posts} posts: start p50 / p99 / max`, `${r.lateness.p50} / ${r.lateness.p99} / ${r.lateness.max}`, r.goal);
      add(name, `${r.posts} posts: CPU before the second (workerd) / floor`, `${r.cpuBeforeSecondS} s / ${r.cpuFloorS} s`);
    }
  } else if (name.startsWith("7 ")) {
    const m = f.medianMs;
    add(name, "PBKDF2 verify (100,000 iterations): median", `${f.pbkdf2VerifyMedianMs} ms`);
    add(name, "sign-in request, right password: median", `${m.rightPassword} ms`);
    add(
      name,
      "wrong password vs unknown email: medians",
      `${m.wrongPassword} / ${m.unknownEmail} ms (Δ ${f.signInWrongVsUnknownMs} ms)`,
      "Δ < 5 ms",
    );
    add(
      name,
      "sign-up new vs taken email: medians",
      `${m.signUpNew} / ${m.signUpTaken} ms (Δ ${f.signUpNewVsTakenMs} ms)`,
      "Δ < 5 ms (was 19 vs 42 ms)",
    );
    add(name, "samples each", f.samples);
  } else if (name.startsWith("8 ")) {
    const calls = f.simulation.tiktokCalls;
    for (const k of ["user_info", "video_query", "video_list"]) {
      add(
        name,
        `${k}: calls/hour mean / max, peak minute`,
        `${calls[k].perHourMean} / ${calls[k].perHourMax}, ${calls[k].peakMinute}/min`,
        "≤ 540/min (TikTok 600)",
      );
    }
    add(name, "sync runs per minute: mean / max (cap)", `${f.runsPerMinute.mean} / ${f.runsPerMinute.max} (${f.runsPerMinute.cap})`);
    add(
      name,
      "tick rows read (hand-out), steady minutes",
      f.d1.steadyTicks.map((t) => `${t.handOut.rowsRead} for ${t.handedOut}`).join(", "),
      "∝ accounts due",
    );
    add(
      name,
      "tick rows read (hand-out), bursts",
      f.d1.bursts.map((t) => `${t.handOut.rowsRead} for ${t.handedOut}`).join(", "),
      "∝ accounts due",
    );
    add(name, "whole tick rows read / written, steady", f.d1.steadyTicks.map((t) => `${t.tick.rowsRead}/${t.tick.rowsWritten}`).join(", "));
    add(
      name,
      "time to sync all once (cold): sim / D1 ticks",
      `${f.coldStart.simulatedMinutesToSyncAll} min / ${f.coldStart.d1.minutesToSyncAll} min`,
    );
    const cold = f.coldStart.coldCalls;
    add(
      name,
      "cold start: user_info / video_query peak minute",
      `${cold.user_info.peakMinute} / ${cold.video_query.peakMinute}`,
      "≤ 540/min",
    );
    const w = f.coldStart.d1.runWritesPerRun;
    add(name, "D1 per scheduled run (repo writes): read / written", `${w.rowsRead} / ${w.rowsWritten} (${w.statements} statements)`);
    for (const [kind, r] of Object.entries(f.realRuns)) {
      add(
        name,
        `real run (${kind}): D1 read / written, calls, ms`,
        `${r.d1.rowsRead} / ${r.d1.rowsWritten}, ${JSON.stringify(r.tiktokCalls)}, ${r.wallMs}`,
      );
    }
  } else if (name.startsWith("9 probe")) {
    for (const kind of ["mp4", "webm"]) {
      for (const r of f[kind] ?? []) {
        add(
          name,
          `${kind} ${r.sizeMB} MB: median ms, reads, bytes read`,
          `${r.medianMs}, ${r.reads}, ${r.bytesRead}`,
          kind === "mp4" ? "< 1 MB read" : "",
        );
      }
    }
  } else if (name.startsWith("9 upload")) {
    add(name, "Worker parts: 1 / 4 in flight (MB/s)", `${f.workerOneAtATimeMBps} / ${f.worker4InFlightMBps}`);
    add(name, "R2 multipart direct: 1 / 4 in flight (MB/s)", `${f.r2MultipartOneAtATimeMBps} / ${f.r2Multipart4InFlightMBps}`);
    add(name, "R2 single put direct (MB/s)", f.r2SinglePutMBps);
  } else if (name.startsWith("10 ")) {
    for (const [figure, value] of Object.entries(f)) add(name, figure, value, figure.startsWith("confirm") ? "< 1,000 (D1's limit)" : "");
  } else {
    add(name, "figures", f);
  }
}

if (rows.length > 0) {
  const widths = [0, 1, 2, 3].map((i) =>
    Math.min(60, Math.max(...rows.map((r) => r[i].length), ["benchmark", "figure", "measured", "goal / baseline"][i].length)),
  );
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(" | ");
  console.log(`\nBenchmark summary (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  console.log(line(["benchmark", "figure", "measured", "goal / baseline"]));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  let last = "";
  for (const r of rows) {
    console.log(line([r[0] === last ? "" : r[0], r[1], r[2], r[3]]));
    last = r[0];
  }
} else {
  console.log("\nNo benchmark reported figures.");
}
process.exit(code);
