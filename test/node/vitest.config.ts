import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "node",
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/node/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
