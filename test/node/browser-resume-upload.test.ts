// Resumable uploads in a real Chromium against `wrangler dev`: choose a 3-part video, reload when two parts are in,
// choose the same file again, and only the missing part is sent before the server probes it and says it is ready.
// Also: the poster frame the browser takes from a video it can decode is stored as the video's thumbnail.
// The network is held with Playwright's routing (part 3 never leaves the first page), so "half way" is exact.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../scripts/stack.ts";
import { syntheticMp4 } from "../fixtures/synthetic-mp4.ts";
import { launchChromium, ROOT, SCREENSHOTS, startTestStack, type TestStack } from "./harness.ts";

/** The API's part size (src/videos/videos.service.ts PART_SIZE); the test checks the server agrees. */
const PART_SIZE = 32 * 1024 * 1024;
const PART_URL = /\/api\/videos\/([^/]+)\/parts\/(\d+)$/;

let stack: Stack;
let browser: Browser;
let page: Page;
let running: TestStack;
let dir: string;

beforeAll(async () => {
  running = await startTestStack("resume");
  ({ stack } = running);
  ({ browser, page } = await launchChromium());
  dir = mkdtempSync(path.join(tmpdir(), "postflare-resume-"));
  await signUp();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const byId = (id: string) => page.getByTestId(id);

async function signUp() {
  await page.goto(`${stack.appUrl}/signup`);
  await byId("signup-email").fill(`resume-${Date.now()}@example.com`);
  await byId("signup-password").fill("correct horse battery staple");
  await byId("signup-submit").click();
  await byId("new-post").waitFor();
}

const apiJson = (url: string) => page.evaluate(async (u) => (await fetch(u, { credentials: "same-origin" })).json(), url) as Promise<any>;

async function withFailureShot<T>(name: string, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    console.error(`--- wrangler dev / emulator output (last 60 lines) ---\n${running.serverLog.slice(-60).join("\n")}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-failure.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}

describe("a resumable upload in the browser", () => {
  it("after a reload half way, choosing the file again sends only the parts the server lacks", async () => {
    await withFailureShot("browser-resume-upload", async () => {
      const file = path.join(dir, "holiday.mp4");
      writeFileSync(file, syntheticMp4(2 * PART_SIZE + 3_000_000, 20, 5));

      // First page: parts 1 and 2 go through; part 3 is held and never reaches the server.
      const held: Route[] = [];
      await page.route(PART_URL, (route) => (route.request().url().endsWith("/parts/3") ? void held.push(route) : route.continue()));
      await page.goto(`${stack.appUrl}/posts/new`);
      const stored = [1, 2].map((n) =>
        page.waitForResponse((r) => r.url().endsWith(`/parts/${n}`) && r.status() === 200, { timeout: 60_000 }),
      );
      await byId("video-file").setInputFiles(file);
      const [first] = await Promise.all(stored);
      const videoId = PART_URL.exec(first!.url())![1]!;
      const halfway = await apiJson(`/api/videos/${videoId}`);
      expect(halfway.video).toMatchObject({ status: "uploading", partSize: PART_SIZE, partCount: 3, parts: [1, 2] });
      expect(held).toHaveLength(1);

      // Reload: everything in memory is gone (the held part dies with the page). Choose the same file again.
      await page.reload();
      await page.unroute(PART_URL);
      await Promise.all(held.map((route) => route.abort("connectionreset").catch(() => undefined)));
      expect((await apiJson(`/api/videos/${videoId}`)).video.parts).toEqual([1, 2]);
      const sent: number[] = [];
      page.on("request", (request) => {
        const match = PART_URL.exec(request.url());
        if (match && request.method() === "PUT") sent.push(Number(match[2]));
      });
      await byId("video-file").setInputFiles(file);
      const resumed = byId("upload-resumed");
      await resumed.waitFor({ timeout: 30_000 });
      // Read at once: the note goes when the check of the video ends, which can be moments later.
      const [parts, text] = await resumed.evaluate((el) => [el.getAttribute("data-parts"), el.textContent]);
      expect(parts).toBe("2");
      expect(text).toContain("2 of 3 parts were already uploaded");
      await byId("upload-done").waitFor({ timeout: 90_000 });

      expect(sent).toEqual([3]);
      const done = await apiJson(`/api/videos/${videoId}`);
      expect(done.video).toMatchObject({
        status: "ready",
        parts: [],
        probe: { container: "mp4", durationMs: 20_000, width: 1080, height: 1920 },
      });
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, "browser-resume-upload.png"), fullPage: true });
    });
  }, 240_000);

  it("uploads a poster frame of a video the browser can decode, and shows why a bad video is refused", async () => {
    await withFailureShot("browser-poster-frame", async () => {
      await page.goto(`${stack.appUrl}/posts/new`);
      const created = page.waitForResponse((r) => r.url().endsWith("/api/videos") && r.request().method() === "POST");
      const thumbnail = page.waitForResponse((r) => r.url().endsWith("/thumbnail") && r.request().method() === "PUT", { timeout: 60_000 });
      await byId("video-file").setInputFiles(path.join(ROOT, "test/fixtures/videos/vp9.webm"));
      const videoId = ((await (await created).json()) as any).video.id as string;
      expect((await thumbnail).status()).toBe(200);
      await byId("upload-done").waitFor({ timeout: 60_000 });
      const { video } = await apiJson(`/api/videos/${videoId}`);
      expect(video.thumbnailUrl).toBe(`/api/videos/${videoId}/thumbnail`);
      const type = await page.evaluate(async (u) => (await fetch(u)).headers.get("content-type"), video.thumbnailUrl);
      expect(type).toBe("image/jpeg");

      await page.goto(`${stack.appUrl}/posts/new`);
      await byId("video-file").setInputFiles(path.join(ROOT, "test/fixtures/videos/fps-15.mp4"));
      const problems = byId("video-problems");
      await problems.waitFor({ timeout: 60_000 });
      expect(await problems.locator("li").getAttribute("data-code")).toBe("frame_rate_out_of_range");
      expect(await problems.textContent()).toContain("15 frames per second");
      await page.screenshot({ path: path.join(SCREENSHOTS, "browser-video-rejected.png"), fullPage: true });
    });
  }, 180_000);
});
