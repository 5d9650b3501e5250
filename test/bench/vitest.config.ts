// Benchmarks (npm run bench): the real Worker in workerd with the bindings from wrangler.toml, TikTok = the
// emulator over HTTP with TikTok's real one-minute windows. Not part of `npm test` (the root config lists
// only test/worker and test/node). Files run one at a time, in name order, so they do not share the 2 cores.
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { portOrFree } from "../../scripts/stack.ts";
import { ROOT as root, workerPoolOptions } from "../worker-env.ts";

class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
  override async shard(files: TestSpecification[]) {
    return files;
  }
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(root, "migrations"));
  // scripts/bench.mjs runs two phases: "main" (all but the memory benchmark) and "memory", which alone gets
  // workerd's DevTools endpoint (global-setup.ts asks V8 for a full GC through it before each RSS baseline).
  // Only one file per run may use it: Miniflare restarts per file and a fixed port is not free again in time.
  // Without BENCH_PHASE every benchmark runs, the memory one without forced GC.
  const phase = process.env.BENCH_PHASE;
  const memoryFiles = "test/bench/**/*memory*.bench.test.ts";
  const inspectorPort = phase === "memory" ? await portOrFree(0) : undefined;
  if (inspectorPort) process.env.BENCH_INSPECTOR_PORT = String(inspectorPort);
  else delete process.env.BENCH_INSPECTOR_PORT;
  return {
    plugins: [
      cloudflareTest(({ inject }) =>
        workerPoolOptions(inject("emulatorUrl"), migrations, {
          TIKTOK_RATE_WINDOW_MS: "60000", // production value: the benchmarks run in real time
          BENCH_SEED: process.env.BENCH_SEED ?? "", // replays the random due times of benchmarks 1 and 2
          BENCH_BURSTS: process.env.BENCH_BURSTS ?? "", // benchmark 6: which bursts (accounts, 2 posts each) to run
        }),
      ),
    ],
    test: {
      name: "bench",
      root,
      include: phase === "memory" ? [memoryFiles] : ["test/bench/**/*.bench.test.ts"],
      exclude: phase === "main" ? [memoryFiles, "**/node_modules/**"] : ["**/node_modules/**"],
      passWithNoTests: phase !== undefined,
      globalSetup: [path.join(root, "test/bench/global-setup.ts")],
      setupFiles: [path.join(root, "test/worker/apply-migrations.ts")],
      fileParallelism: false,
      ...(inspectorPort ? { inspect: `127.0.0.1:${inspectorPort}` } : {}),
      sequence: { sequencer: ByName },
      testTimeout: 420_000,
      hookTimeout: 120_000,
    },
  };
});
