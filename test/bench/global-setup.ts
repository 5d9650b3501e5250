// Benchmark globalSetup (runs in Node, in Vitest's main process):
//  - one TikTok emulator with TikTok's real limits (6 inits per 60 s sliding window per token);
//  - a tiny probe server on 127.0.0.1 that the workerd-side benchmarks call to sample workerd's RSS and CPU
//    time from outside (/proc) and to hand back their figures, which are written to BENCH_RESULTS_FILE
//    (set by scripts/bench.mjs) when the run ends.
import { execSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { startEmulator } from "../../emulator/index.ts";
import { TEST_SECRETS } from "../secrets.ts";

type Sampling = {
  pids: number[];
  baselineKb: number;
  peakKb: number;
  lastKb: number;
  samples: number;
  startedAt: number;
  timer: NodeJS.Timeout;
  series: [number, number][];
};

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** workerd processes descending from this Vitest process (other test runs on the machine are ignored). */
export function ourWorkerdPids(): number[] {
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!cmdline.includes("workerd")) continue;
    for (let p: number | null = pid, hops = 0; p && p > 1 && hops < 20; p = parentOf(p), hops++) {
      if (p === process.pid) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const rssKb = (pids: number[]) => pids.reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0);

const CLOCK_TICKS_PER_S = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat (utime, stime). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S) * 1000;
  } catch {
    return 0;
  }
}

/**
 * Full GC in every workerd isolate (HeapProfiler.collectGarbage over the DevTools protocol), so an RSS
 * baseline is not inflated by garbage left from earlier phases (e.g. 1 GB of generated upload pieces).
 */
async function collectGarbage() {
  const port = process.env.BENCH_INSPECTOR_PORT;
  if (!port) return { collected: 0, error: "no inspector port" };
  try {
    const listing = await (await fetch(`http://127.0.0.1:${port}/json/list`)).text();
    let targets: { webSocketDebuggerUrl?: string; title?: string }[];
    try {
      targets = JSON.parse(listing);
    } catch {
      return { collected: 0, error: `unreadable /json/list: ${listing.slice(0, 300)}` };
    }
    // In parallel, 3 s each: the test runner's isolate (tests, the Worker, its Durable Objects) answers at once;
    // some of Miniflare's internal services never answer over the inspector.
    const results = await Promise.all(
      targets.map(
        (target) =>
          new Promise<string | null>((resolve) => {
            if (!target.webSocketDebuggerUrl) return resolve(null);
            let ws: WebSocket;
            try {
              ws = new WebSocket(target.webSocketDebuggerUrl.replaceAll("#", "%23")); // some worker names contain '#'
            } catch {
              return resolve(null);
            }
            const timer = setTimeout(() => {
              ws.close();
              resolve(null);
            }, 3_000);
            ws.onopen = () => ws.send(JSON.stringify({ id: 1, method: "HeapProfiler.collectGarbage" }));
            ws.onmessage = (event) => {
              if (JSON.parse(String(event.data)).id !== 1) return;
              clearTimeout(timer);
              ws.close();
              resolve(target.title ?? "?");
            };
            ws.onerror = () => {
              clearTimeout(timer);
              resolve(null);
            };
          }),
      ),
    );
    const collected = results.filter((r): r is string => r !== null);
    return { collected: collected.length, isolates: collected, targets: targets.length };
  } catch (error) {
    return { collected: 0, error: String(error) };
  }
}

function startProbe(results: Record<string, unknown>) {
  let sampling: Sampling | null = null;
  const stop = () => {
    if (!sampling) return null;
    clearInterval(sampling.timer);
    const s = sampling;
    sampling = null;
    // VmHWM was reset at start (clear_refs 5): the kernel's exact peak, next to our 100 ms samples.
    const hwmKb = s.pids.reduce((sum, pid) => sum + statusKb(pid, "VmHWM"), 0);
    return {
      pids: s.pids,
      baselineKb: s.baselineKb,
      peakKb: Math.max(s.peakKb, rssKb(s.pids)),
      endKb: rssKb(s.pids),
      hwmKb,
      samples: s.samples,
      durationMs: Date.now() - s.startedAt,
      series: s.series,
    };
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    const reply = (value: unknown, status = 200) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/rss/start") {
      stop();
      const pids = ourWorkerdPids();
      if (pids.length === 0) return reply({ error: "no workerd process found under this Vitest process" }, 500);
      for (const pid of pids) {
        try {
          writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
        } catch {
          /* not permitted: the sampled peak still works */
        }
      }
      const baselineKb = rssKb(pids);
      const startedAt = Date.now();
      const s: Sampling = {
        pids,
        baselineKb,
        peakKb: baselineKb,
        lastKb: baselineKb,
        samples: 1,
        startedAt,
        series: [[0, baselineKb]],
        timer: setInterval(
          () => {
            const kb = rssKb(pids);
            s.samples++;
            s.lastKb = kb;
            if (kb > s.peakKb) s.peakKb = kb;
            if (s.samples % 5 === 0) s.series.push([Date.now() - startedAt, kb]);
          },
          Number(body.intervalMs ?? 100),
        ),
      };
      sampling = s;
      return reply({ pids, baselineKb });
    }
    if (url.pathname === "/rss/stop") return reply(stop() ?? { error: "not sampling" }, sampling === null ? 200 : 500);
    if (url.pathname === "/rss/now") {
      const pids = ourWorkerdPids();
      return reply({ pids, rssKb: rssKb(pids) });
    }
    if (url.pathname === "/gc") return reply(await collectGarbage());
    if (url.pathname === "/cpu") {
      // workerd (the Worker, its Durable Objects, D1) apart from this process (the emulator, Vitest).
      const pids = ourWorkerdPids();
      const own = process.cpuUsage();
      return reply({
        at: Date.now(),
        workerdMs: pids.reduce((sum, pid) => sum + cpuMs(pid), 0),
        emulatorMs: (own.user + own.system) / 1000,
      });
    }
    if (url.pathname === "/result") {
      results[String(body.name)] = body.figures;
      return reply({ ok: true });
    }
    reply({ error: "not found" }, 404);
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            stop();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export default async function setup(project: TestProject) {
  const emulator = await startEmulator({
    port: 0,
    clientKey: TEST_SECRETS.TIKTOK_CLIENT_KEY,
    clientSecret: TEST_SECRETS.TIKTOK_CLIENT_SECRET,
    processingDelayMs: 1000,
    moderationDelayMs: 500,
    rateLimitWindowMs: 60_000, // TikTok's real window
    dailyPostCap: 10_000, // the benchmarks measure timing, not TikTok's daily cap (15)
  });
  const results: Record<string, unknown> = {};
  const probe = await startProbe(results);
  project.provide("emulatorUrl", emulator.url);
  project.provide("probeUrl", probe.url);
  return async () => {
    const file = process.env.BENCH_RESULTS_FILE;
    if (file) {
      let earlier = {};
      try {
        earlier = JSON.parse(readFileSync(file, "utf8")); // figures of an earlier phase of the same `npm run bench`
      } catch {
        /* first phase */
      }
      writeFileSync(file, JSON.stringify({ ...earlier, ...results }, null, 2));
    }
    await probe.close();
    await emulator.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
    probeUrl: string;
  }
}
