// Two projects: Worker code inside workerd (real D1/R2/Queues/DO bindings, the TikTok emulator over HTTP),
// and Node-side tests (the emulator itself, the browser journey).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["./test/worker/vitest.config.ts", "./test/node/vitest.config.ts"],
  },
});
