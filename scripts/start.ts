// `npm start`: the whole app locally and offline (web build, .dev.vars, D1 migrations, TikTok emulator,
// wrangler dev, a cron tick every minute) until Ctrl-C. Set TIKTOK_API_BASE + TIKTOK_AUTH_URL to use another server.
import { BootLog } from "./boot-log.ts";
import { type Stack, startStack } from "./stack.ts";

const env = process.env;
const port = (name: string, fallback: number) => {
  const value = env[name] ? Number(env[name]) : fallback;
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`${name} must be a port number`);
  return value;
};

const external = env.TIKTOK_API_BASE || env.TIKTOK_AUTH_URL;
if (external && !(env.TIKTOK_API_BASE && env.TIKTOK_AUTH_URL)) {
  console.error("Set both TIKTOK_API_BASE and TIKTOK_AUTH_URL to use another TikTok server (or neither for the emulator).");
  process.exit(1);
}

let stack: Stack | null = null;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return; // a second Ctrl-C while shutting down changes nothing; stop() already escalates
    stopping = true;
    console.log("\nStopping Postflare…");
    // Still booting: exiting runs the stack's exit hooks, which kill the children started so far.
    if (!stack) process.exit(0);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  });
}

const bootLog = new BootLog((line) => process.stdout.write(`${line}\n`));
try {
  stack = await startStack({
    port: port("PORT", 8787),
    emulatorPort: port("EMULATOR_PORT", 8788),
    persistDir: env.PERSIST_TO || ".wrangler/state",
    tiktok: external ? { apiBase: env.TIKTOK_API_BASE!, authUrl: env.TIKTOK_AUTH_URL! } : undefined,
    log: bootLog.log,
  });
} catch (error) {
  bootLog.failed();
  console.error(`\nPostflare did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
bootLog.booted();

console.log(`\nPostflare is running at ${stack.appUrl}`);
console.log(stack.emulatorUrl ? `TikTok emulator at ${stack.emulatorUrl}` : `TikTok API at ${env.TIKTOK_API_BASE}`);
console.log("Cron tick every minute. Press Ctrl-C to stop.\n");
