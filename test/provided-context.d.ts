// Values the Vitest globalSetup provides to tests (see test/global-setup.ts).
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
    sinkUrl: string;
  }
}
