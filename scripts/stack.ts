// The local Postflare stack: local secrets, D1 migrations, TikTok emulator, `wrangler dev` (which builds the web app
// through wrangler.toml's [build]), minute ticks.
// `npm start` runs it on fixed ports; the browser test runs it on free ports with a throwaway state directory.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { type OptionsPatch, type RunningEmulator, startEmulator } from "../emulator/index.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");
const WRANGLER = path.join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const MINUTE_MS = 60_000;

export interface StackOptions {
  /** Port of `wrangler dev`. Default 8787; 0 picks a free one. */
  port?: number;
  /** Port of the TikTok emulator. Default 8788; 0 picks a free one. */
  emulatorPort?: number;
  /** Local D1/R2/Queue/DO state. Default `.wrangler/state` (the same place `wrangler dev` uses). */
  persistDir?: string;
  /** Secrets file handed to wrangler (KEY=value lines). Default `.dev.vars`, created with local values when missing. */
  secretsFile?: string;
  /** Fire the cron handler at every wall-clock minute (and once at boot). Default true. */
  tickEveryMinute?: boolean;
  /** Let `wrangler dev` build the web app (wrangler.toml's [build]). Default true; false serves web/dist as it is. */
  build?: boolean;
  /** Extra emulator options (delays, limits, faults…) on top of the ones the stack sets. */
  emulatorOptions?: OptionsPatch;
  /** Another TikTok-compatible server: no emulator is started. Default: the emulator. */
  tiktok?: { apiBase: string; authUrl: string };
  /** Where child-process output goes, line by line. Default: stdout. */
  log?: (line: string) => void;
  /** Extra Worker vars, given the app's URL (e.g. MEDIA_BASE_URL for PULL_FROM_URL). */
  vars?: (appUrl: string) => Record<string, string>;
  /** How long `wrangler dev` may take to answer /api/health/live. Default 120 s. */
  bootTimeoutMs?: number;
}

export interface Stack {
  /** What the browser opens; also the Worker's APP_URL. */
  appUrl: string;
  /** The emulator's base URL, or null when an external TikTok server is used. */
  emulatorUrl: string | null;
  emulator: RunningEmulator | null;
  /** Fires the Worker's scheduled handler as the platform would at `time` (default now). */
  tick(time?: number): Promise<void>;
  /** Stops the ticks, the wrangler process tree and the emulator. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const persistDir = path.resolve(ROOT, options.persistDir ?? ".wrangler/state");
  const secretsFile = path.resolve(ROOT, options.secretsFile ?? ".dev.vars");
  const secrets = ensureSecrets(secretsFile, log);

  await run([WRANGLER, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir], log);

  const port = await portOrFree(options.port ?? 8787);
  // localhost, not 127.0.0.1: it is the URL people type, and TikTok's portal rejects IP-address redirect URIs.
  const appUrl = `http://localhost:${port}`;
  const internalUrl = `http://127.0.0.1:${port}`;

  let emulator: RunningEmulator | null = null;
  let tiktok = options.tiktok;
  if (!tiktok) {
    emulator = await startEmulator({
      port: options.emulatorPort ?? 8788,
      host: "127.0.0.1",
      clientKey: secrets.TIKTOK_CLIENT_KEY,
      clientSecret: secrets.TIKTOK_CLIENT_SECRET,
      redirectUris: [`${appUrl}/api/accounts/tiktok/callback`],
      webhookUrl: `${appUrl}/api/webhooks/tiktok`,
      ...options.emulatorOptions,
    });
    tiktok = { apiBase: emulator.url, authUrl: `${emulator.url}/v2/auth/authorize/` };
  }

  // --var KEY:VALUE (wrangler splits on the first colon only, so URLs survive).
  const wrangler = spawnTree(
    [
      WRANGLER,
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(await portOrFree(0)),
      "--persist-to",
      persistDir,
      "--env-file",
      secretsFile,
      "--var",
      `APP_URL:${appUrl}`,
      "--var",
      `TIKTOK_API_BASE:${tiktok.apiBase}`,
      "--var",
      `TIKTOK_AUTH_URL:${tiktok.authUrl}`,
      ...Object.entries(options.vars?.(appUrl) ?? {}).flatMap(([key, value]) => ["--var", `${key}:${value}`]),
      "--show-interactive-dev-session=false",
    ],
    log,
    (options.build ?? true) ? {} : { POSTFLARE_WEB_BUILT: "1" },
  );

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async (time = Date.now()) => {
    const url = `${internalUrl}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*&time=${time}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`scheduled handler answered ${response.status}: ${await response.text()}`);
  };
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    await wrangler.stop();
    await emulator?.close();
  };

  try {
    await waitForHealth(internalUrl, wrangler, options.bootTimeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }

  if (options.tickEveryMinute ?? true) {
    const fire = (time: number) => tick(time).catch((error: unknown) => log(`[postflare] cron tick failed: ${String(error)}`));
    // Each timeout is computed from the wall clock, so ticks land on minute boundaries and never drift.
    const scheduleNext = () => {
      const next = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
      timer = setTimeout(() => {
        void fire(next);
        scheduleNext();
      }, next - Date.now());
    };
    void fire(Date.now()); // catch up on anything that fell due while the stack was down
    scheduleNext();
  }

  return { appUrl, emulatorUrl: emulator?.url ?? null, emulator, tick, stop };
}

type Secrets = Record<"TIKTOK_CLIENT_KEY" | "TIKTOK_CLIENT_SECRET" | "TOKEN_ENCRYPTION_KEY", string>;

/** Reads the secrets file, writing one with fresh local values first if it does not exist (never overwrites). */
export function ensureSecrets(file: string, log: (line: string) => void = () => {}): Secrets {
  if (!existsSync(file)) {
    const lines = [
      "# Local secrets for `wrangler dev`, generated by npm start. Never commit this file.",
      `TIKTOK_CLIENT_KEY=local-${randomBytes(8).toString("hex")}`,
      `TIKTOK_CLIENT_SECRET=${randomBytes(24).toString("hex")}`,
      `TOKEN_ENCRYPTION_KEY=${randomBytes(32).toString("base64")}`,
    ];
    writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
    log(`[postflare] created ${path.relative(ROOT, file) || file} with local secrets`);
  }
  const values = parseEnvFile(readFileSync(file, "utf8"));
  const missing = ["TIKTOK_CLIENT_KEY", "TIKTOK_CLIENT_SECRET", "TOKEN_ENCRYPTION_KEY"].filter((key) => !values[key]);
  if (missing.length > 0) throw new Error(`${file} is missing ${missing.join(", ")} (see .dev.vars.example)`);
  return values as Secrets;
}

/** KEY=value lines; # comments; optional surrounding quotes (the subset of dotenv that .dev.vars uses). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const eq = line.indexOf("=");
    if (!line || line.startsWith("#") || eq < 1) continue;
    const value = line.slice(eq + 1).trim();
    values[line.slice(0, eq).trim()] = /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
  }
  return values;
}

/** A free TCP port on 127.0.0.1 when `port` is 0, else `port` itself. */
export function portOrFree(port: number): Promise<number> {
  if (port !== 0) return Promise.resolve(port);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
}

function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    // Request.cf would be fetched from workers.cloudflare.com (an ENOTFOUND warning offline); the app does not use it.
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    // Children write to our pipes, not the terminal: keep their colours when we are attached to one.
    ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}),
    ...extra,
  };
}

/** Runs a Node script to completion (same Node as ours), forwarding its output; rejects on a non-zero exit. */
function run(args: string[], log: (line: string) => void): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
  forwardLines(child, log);
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      process.off("exit", killOnExit);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(args[0])} ${args.slice(1, 3).join(" ")} exited with ${code ?? signal}`));
    });
  });
}

interface Tree {
  child: ChildProcess;
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Spawns a long-running Node script as the leader of its own process group, so one signal to the group reaches
 * wrangler and the workerd/esbuild processes it starts. If we die without calling stop(), the group dies with us.
 */
function spawnTree(args: string[], log: (line: string) => void, env: NodeJS.ProcessEnv = {}): Tree {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  forwardLines(child, log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch (error) {
      // ESRCH: the group is already gone, which is what we wanted.
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  };
  const killOnExit = () => signalGroup("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    signalGroup("SIGTERM");
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000).unref());
    if ((await Promise.race([exited, timeout])) === "timeout") signalGroup("SIGKILL");
    // Stragglers (workerd outliving wrangler) get the same end; ESRCH when none are left.
    signalGroup("SIGKILL");
  };
  return { child, exited, stop };
}

function forwardLines(child: ChildProcess, log: (line: string) => void) {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    const forward = dropCronWarning(log);
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) forward(line);
    });
    stream?.on("end", () => pending && forward(pending));
  }
}

/** Drops wrangler dev's "Scheduled Workers are not automatically triggered" block: the stack fires the cron itself. */
function dropCronWarning(log: (line: string) => void): (line: string) => void {
  let state: "forward" | "warning" | "after" = "forward";
  return (line) => {
    const text = stripVTControlCharacters(line);
    if (text.includes("Scheduled Workers are not automatically triggered during local development")) state = "warning";
    else if (state === "warning" && text.includes("#test-cron-triggers-locally")) state = "after";
    else if (state === "after" && text.trim() !== "") state = "forward";
    if (state === "forward") log(line);
  };
}

async function waitForHealth(baseUrl: string, wrangler: Tree, timeoutMs: number) {
  let exited = false;
  void wrangler.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (exited) throw new Error(`wrangler dev exited (code ${wrangler.child.exitCode}) before the app answered`);
    try {
      const response = await fetch(`${baseUrl}/api/health/live`, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error); // not listening yet, or a build error keeps it from answering: retry until the deadline
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health/live did not answer within ${timeoutMs} ms (last: ${last}); see wrangler's output above`);
}
