// Values the Vitest globalSetup provides to tests (see test/global-setup.ts).
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
    /** test/fixtures/videos/*: file name → base64 bytes (the Worker tests cannot read the disk). */
    videoFixtures: Record<string, string>;
    /** test/fixtures/videos/ffprobe.json. */
    ffprobe: Record<string, import("./fixtures/videos/ffprobe-facts.ts").FfprobeFacts>;
    sinkUrl: string;
  }
}
