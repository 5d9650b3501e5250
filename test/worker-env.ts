// The Worker's bindings under @cloudflare/vitest-plugin, shared by the Worker tests and the benchmarks:
// wrangler.toml's bindings, fixed test secrets, the migrations, and TikTok = the emulator started in globalSetup.
import path from "node:path";
import type { readD1Migrations } from "@cloudflare/vitest-plugin";
import { TEST_SECRETS } from "./secrets.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");

type Migrations = Awaited<ReturnType<typeof readD1Migrations>>;

export function workerPoolOptions(emulatorUrl: string, migrations: Migrations, vars: Record<string, string>) {
  return {
    wrangler: { configPath: path.join(ROOT, "wrangler.toml") },
    miniflare: {
      bindings: {
        ...TEST_SECRETS,
        TEST_MIGRATIONS: migrations,
        APP_URL: "http://localhost:8787",
        TIKTOK_API_BASE: emulatorUrl,
        TIKTOK_AUTH_URL: `${emulatorUrl}/v2/auth/authorize/`,
        ...vars,
      },
    },
  };
}
