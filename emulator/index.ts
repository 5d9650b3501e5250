// Library entry: startEmulator() serves the app over HTTP (port 0 = random); createEmulatorApp() for in-process use.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { createEmulatorApp } from "./app.ts";
import { Emulator } from "./core/emulator.ts";
import type { OptionsPatch } from "./core/options.ts";

export { createEmulatorApp } from "./app.ts";
export { Emulator } from "./core/emulator.ts";
export type { EmulatorOptions, OptionsPatch } from "./core/options.ts";
export { DEFAULT_OPTIONS } from "./core/options.ts";
export { signWebhook } from "./webhooks/signature.ts";

export interface RunningEmulator {
  url: string;
  port: number;
  emulator: Emulator;
  close(): Promise<void>;
}

export function startEmulator(options: OptionsPatch = {}): Promise<RunningEmulator> {
  const emulator = new Emulator(options);
  const app = createEmulatorApp(emulator);
  const { host, port } = emulator.options;
  return new Promise((resolve, reject) => {
    const server = createAdaptorServer({ fetch: app.fetch });
    // A deep accept queue: a burst of a thousand simultaneous inits (npm run bench) must queue, not be refused.
    server.listen({ port, host, backlog: 4096 }, () => {
      const info = server.address() as AddressInfo;
      const url = `http://${host}:${info.port}`;
      resolve({
        url,
        port: info.port,
        emulator,
        close: () =>
          new Promise<void>((done) => {
            emulator.reset();
            (server as Server).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.once("error", reject);
  });
}
