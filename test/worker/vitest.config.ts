// Worker tests run inside workerd with the real bindings from wrangler.toml, migrations applied,
// and TikTok = the project's emulator over HTTP.
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { mediabunnyBrowserField } from "../mediabunny-browser-field.ts";
import { ROOT as root, workerPoolOptions } from "../worker-env.ts";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(root, "migrations"));
  return {
    plugins: [
      mediabunnyBrowserField(),
      cloudflareTest(({ inject }) => {
        const options = workerPoolOptions(inject("emulatorUrl"), migrations, { TIKTOK_RATE_WINDOW_MS: "3000" });
        // Tests hand media messages to the consumer themselves (createMessageBatch, helpers.ts probeNow): MEDIA_QUEUE
        // sends to a queue nobody consumes, so no probe runs behind a test's back.
        return {
          ...options,
          miniflare: { ...options.miniflare, queueProducers: { MEDIA_QUEUE: { queueName: "postflare-media-undelivered" } } },
        };
      }),
    ],
    test: {
      name: "worker",
      root,
      include: ["test/worker/**/*.test.ts"],
      globalSetup: [path.join(root, "test/global-setup.ts")],
      setupFiles: [path.join(root, "test/worker/apply-migrations.ts"), path.join(root, "test/worker/release-clock.ts")],
      // Driven tests pin the shared emulator's clock to their own time (world.ts): one file at a time.
      fileParallelism: false,
      testTimeout: 60_000,
    },
  };
});
