// The whole journey in a real Chromium against `wrangler dev` + the TikTok emulator (the `npm start` stack on free
// ports): sign up, connect TikTok on its consent page, upload a real MP4, schedule it a few seconds ahead in
// New York time, and watch it get published with a TikTok post id.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../scripts/stack.ts";
import { launchChromium, SCREENSHOTS, startTestStack, type TestStack, VIDEO, wallClock } from "./harness.ts";

const ZONE = "America/New_York";
/** Far enough ahead to fill the two inputs and submit, close enough that the post is enqueued at once (< 65 s). */
const LEAD_MS = 5_000;

let stack: Stack;
let browser: Browser;
let page: Page;
let running: TestStack;
let serverLog: string[] = [];

beforeAll(async () => {
  running = await startTestStack("journey");
  ({ stack, serverLog } = running);
  ({ browser, page } = await launchChromium());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
}, 60_000);

describe("browser journey", () => {
  it("publishes a video scheduled a few seconds ahead, from sign-up to a TikTok post id", async () => {
    try {
      await journey();
    } catch (error) {
      // The Worker's own log is the fastest way to see why a step stalled.
      console.error(`--- wrangler dev / emulator output (last 80 lines) ---\n${serverLog.slice(-80).join("\n")}`);
      await page
        ?.screenshot({ path: path.join(SCREENSHOTS, "browser-journey-failure.png"), fullPage: true })
        .catch((shotError: unknown) => console.error("failure screenshot not taken", shotError));
      throw error;
    }
  }, 240_000);
});

async function journey() {
  const byId = (id: string) => page.getByTestId(id);

  // Sign up.
  await page.goto(`${stack.appUrl}/signup`);
  await byId("signup-email").fill(`journey-${Date.now()}@example.com`);
  await byId("signup-password").fill("correct horse battery staple");
  await byId("signup-submit").click();

  // Connect TikTok: the emulator's consent page, then back to the dashboard.
  await byId("connect-tiktok").click();
  await page.waitForURL(`${stack.emulatorUrl}/v2/auth/authorize/**`);
  await page.locator('input[name="username"]').fill("journey.creator");
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL(`${stack.appUrl}/**`);
  const account = byId("account-item");
  await expect.poll(() => account.count(), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => account.textContent(), { timeout: 10_000 }).toContain("@journey.creator");
  const accountId = await account.getAttribute("data-account-id");

  // Compose: account, video, caption, settings.
  await byId("new-post").click();
  await byId("composer-account").selectOption(accountId!);
  await byId("creator-info").waitFor();
  await byId("video-file").setInputFiles(VIDEO);
  await byId("upload-done").waitFor({ timeout: 60_000 });
  const caption = "Three seconds of Postflare #scheduling";
  await byId("caption").fill(caption);
  await byId("privacy-level").selectOption("PUBLIC_TO_EVERYONE");
  await byId("allow-comment").check();
  await byId("schedule-timezone").selectOption(ZONE);

  // A few seconds ahead, typed as New York wall-clock time (last, so the lead is not eaten by the steps above).
  const target = Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000;
  const wall = wallClock(target, ZONE);
  await byId("schedule-date").fill(wall.date);
  await byId("schedule-time").fill(wall.time);
  await byId("schedule-submit").click();

  // The posts list: the new post, its time as entered, then published with a TikTok post id.
  await page.waitForURL(`${stack.appUrl}/posts`);
  const post = byId("post-item").first();
  await post.waitFor();
  await expect.poll(() => post.locator(`[title="${new Date(target).toISOString()}"]`).count(), { timeout: 10_000 }).toBe(1);
  await stack.tick(); // not needed (posts due within the claim window are enqueued at once), but harmless
  await expect.poll(() => post.getAttribute("data-status"), { timeout: 90_000, interval: 500 }).toBe("published");
  const tiktokId = post.getByTestId("post-tiktok-id");
  await tiktokId.waitFor({ timeout: 30_000 });
  expect(await tiktokId.textContent()).toMatch(/^\d{19}$/);

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "browser-journey-posts.png"), fullPage: true });

  // What TikTok received: exactly one direct post with the form's settings, and the file's exact bytes.
  const record = (await (await fetch(`${stack.emulatorUrl}/__emu/record`)).json()) as EmulatorRecord;
  expect(record.inits).toHaveLength(1);
  expect(record.inits[0]).toMatchObject({
    mode: "direct",
    source: "FILE_UPLOAD",
    post_info: { title: caption, privacy_level: "PUBLIC_TO_EVERYONE", disable_comment: false, disable_duet: true },
  });
  expect(record.inits[0].at).toBeGreaterThanOrEqual(target);
  const bytes = readFileSync(VIDEO);
  expect(record.uploads[0]).toMatchObject({
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  });
  expect(record.publishes[0]).toMatchObject({ status: "PUBLISH_COMPLETE", post_id: await tiktokId.textContent() });
}

interface EmulatorRecord {
  inits: { mode: string; source: string; at: number; post_info: Record<string, unknown> }[];
  uploads: { bytes: number; sha256: string }[];
  publishes: { status: string; post_id: string | null }[];
}
