// Shared by the Node-side tests that need the real app: the `npm start` stack on free ports with throwaway
// secrets and state, Chromium (see browser.ts), and a wall-clock oracle written independently of the web app's own.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { OptionsPatch } from "../../emulator/index.ts";
import { ensureSecrets, ROOT, type Stack, startStack } from "../../scripts/stack.ts";
import { launchChromium as launchBrowser } from "./browser.ts";

export { ROOT };
export const VIDEO = path.join(ROOT, "test/fixtures/sample-3s.mp4");
export const SCREENSHOTS = path.join(ROOT, "test-results");

export type TestStack = { stack: Stack; serverLog: string[]; stop(): Promise<void> };

/** The app (wrangler dev) and the emulator on free ports, with fresh random secrets; the repo's .dev.vars is left alone. */
export async function startTestStack(
  name: string,
  options: { emulatorOptions?: OptionsPatch; vars?: (appUrl: string) => Record<string, string> } = {},
): Promise<TestStack> {
  const workDir = mkdtempSync(path.join(tmpdir(), `postflare-${name}-`));
  const secretsFile = path.join(workDir, "secrets.env");
  ensureSecrets(secretsFile);
  const serverLog: string[] = [];
  const stack = await startStack({
    port: 0,
    emulatorPort: 0,
    persistDir: path.join(workDir, "state"),
    secretsFile,
    tickEveryMinute: false,
    // `npm test` builds first; rebuilding here would swap web/dist under the worker tests running alongside.
    build: !existsSync(path.join(ROOT, "web/dist/index.html")),
    emulatorOptions: { processingDelayMs: 500, moderationDelayMs: 500, ...options.emulatorOptions },
    vars: options.vars,
    log: (line) => serverLog.push(line),
  });
  return {
    stack,
    serverLog,
    stop: async () => {
      await stack.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { browser, page };
}

/** The `<input type=date>` and `<input type=time step=1>` values showing `instant` on clocks in `timeZone`. */
export function wallClock(instant: number, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}
