// Worker tests run inside workerd with the real bindings from wrangler.toml, migrations applied,
// and TikTok = the project's emulator over HTTP.
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { TEST_SECRETS } from "../secrets.ts";

const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(root, "migrations"));
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: path.join(root, "wrangler.toml") },
        miniflare: {
          bindings: {
            ...TEST_SECRETS,
            TEST_MIGRATIONS: migrations,
            APP_URL: "http://localhost:8787",
            TIKTOK_API_BASE: inject("emulatorUrl"),
            TIKTOK_AUTH_URL: `${inject("emulatorUrl")}/v2/auth/authorize/`,
            TIKTOK_RATE_WINDOW_MS: "3000",
          },
        },
      })),
    ],
    test: {
      name: "worker",
      root,
      include: ["test/worker/**/*.test.ts"],
      globalSetup: [path.join(root, "test/global-setup.ts")],
      setupFiles: [path.join(root, "test/worker/apply-migrations.ts")],
      testTimeout: 60_000,
    },
  };
});
