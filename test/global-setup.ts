// Vitest globalSetup: one real TikTok emulator (HTTP on 127.0.0.1) for the Worker tests; its URL reaches
// the Worker's bindings through `inject("emulatorUrl")`; and a local HTTP sink (`inject("sinkUrl")`).
import type { TestProject } from "vitest/node";
import { startEmulator } from "../emulator/index.ts";
import { ffprobeFacts, videoFixtureFiles } from "./fixtures/videos/fixtures.ts";
import { startSink } from "./http-sink.ts";
import { TEST_SECRETS } from "./secrets.ts";

export default async function setup(project: TestProject) {
  const emulator = await startEmulator({
    port: 0,
    clientKey: TEST_SECRETS.TIKTOK_CLIENT_KEY,
    clientSecret: TEST_SECRETS.TIKTOK_CLIENT_SECRET,
    // TikTok's processing and moderation take no real time here: driven tests move the clocks themselves.
    processingDelayMs: 0,
    moderationDelayMs: 0,
    rateLimitWindowMs: 3000,
  });
  project.provide("emulatorUrl", emulator.url);
  project.provide("videoFixtures", videoFixtureFiles());
  project.provide("ffprobe", ffprobeFacts());
  // Webhook, Slack, Discord and email receivers (test/http-sink.ts).
  const sink = await startSink();
  project.provide("sinkUrl", sink.url);
  return async () => {
    await sink.close();
    await emulator.close();
  };
}
