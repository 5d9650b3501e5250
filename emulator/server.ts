// CLI: `node emulator/server.ts --port 8788`; options also from EMULATOR_* environment variables.
import { parseArgs } from "node:util";
import { optionsFromEnv } from "./core/options.ts";
import { startEmulator } from "./index.ts";

const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string" } } });
const fromEnv = optionsFromEnv(process.env);
const running = await startEmulator({
  ...fromEnv,
  port: values.port !== undefined ? Number(values.port) : (fromEnv.port ?? 8788),
  host: values.host ?? "127.0.0.1",
});
console.log(`TikTok emulator listening on ${running.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void running.close().then(() => process.exit(0)));
}
