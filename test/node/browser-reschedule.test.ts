// Editing and deciding about posts in a real Chromium against `wrangler dev` + the TikTok emulator (the `npm start`
// stack on free ports): a post scheduled an hour ahead gets a new caption and a new time a few seconds ahead and is
// published with both; a post that fails because the account went private is fixed (new privacy level) and published
// with "Publish now"; the missed and unconfirmed decisions are rendered from a stubbed API answer, since the local
// stack cannot make a post miss its late-policy window or lose TikTok's answer on demand.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../scripts/stack.ts";
import { launchChromium, SCREENSHOTS, startTestStack, type TestStack, VIDEO, wallClock } from "./harness.ts";

const ZONE = "America/New_York";
const CREATOR = "reschedule.creator";
const HOUR_MS = 3_600_000;
/** Far enough ahead to fill the two inputs and submit, close enough that the post is enqueued at once (< 65 s). */
const LEAD_MS = 5_000;

let stack: Stack;
let browser: Browser;
let page: Page;
let running: TestStack;
let serverLog: string[] = [];

beforeAll(async () => {
  running = await startTestStack("reschedule");
  ({ stack, serverLog } = running);
  ({ browser, page } = await launchChromium());
  await signUpAndConnect();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
}, 60_000);

describe("editing and rescheduling posts in the browser", () => {
  it("publishes a post with the caption and time edited after scheduling", async () => {
    await withDiagnostics("edit-caption", async () => {
      const postId = await schedulePost("First caption, about to change", "PUBLIC_TO_EVERYONE");
      // The list offers the quick edits of a post still to come.
      const item = page.locator(`[data-testid="post-item"][data-post-id="${postId}"]`);
      expect(await item.getByTestId("post-reschedule").textContent()).toBe("Edit time");
      expect(await item.getByTestId("post-cancel").count()).toBe(1);
      await openPost(postId);

      const newCaption = "Edited after scheduling #postflare";
      await byId("post-edit-caption").click();
      await byId("post-caption-input").fill(newCaption);
      await byId("post-caption-save").click();
      await byId("post-caption-input").waitFor({ state: "detached" });
      expect(await byId("post-action-error").count()).toBe(0);
      await expect.poll(() => page.locator(".caption-full").textContent()).toBe(newCaption);
      expect(await detailStatus()).toBe("scheduled");

      mkdirSync(SCREENSHOTS, { recursive: true });
      const target = await rescheduleSecondsAhead("browser-reschedule-form.png");
      await expect.poll(detailStatus, { timeout: 60_000, interval: 500 }).toBe("published");
      await byId("post-tiktok-id").waitFor();
      expect(await byId("post-tiktok-id").textContent()).toMatch(/^\d{19}$/);

      // What TikTok received: the new caption, no earlier than the new time.
      const record = await emulatorRecord();
      expect(record.inits).toHaveLength(1);
      expect(record.inits[0].post_info).toMatchObject({ title: newCaption, privacy_level: "PUBLIC_TO_EVERYONE" });
      expect(record.inits[0].at).toBeGreaterThanOrEqual(target);
    });
  }, 120_000);

  it("lets the user fix a post that failed on a privacy level the account no longer offers, then publish it now", async () => {
    await withDiagnostics("failed-privacy", async () => {
      const postId = await schedulePost("Posted after a privacy fix", "PUBLIC_TO_EVERYONE");
      // The creator switches the account to private after scheduling: "Everyone" is no longer offered.
      const patched = await fetch(`${stack.emulatorUrl}/__emu/users/${CREATOR}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ isPrivate: true }),
      });
      expect(patched.status).toBe(200);
      await openPost(postId);
      await rescheduleSecondsAhead();
      await expect.poll(detailStatus, { timeout: 60_000, interval: 500 }).toBe("failed");
      expect(await byId("post-error").textContent()).toContain("privacy_level_option_mismatch");
      await byId("post-privacy-level").locator('option[value="SELF_ONLY"]').waitFor({ state: "attached" });
      // TikTok refused "Everyone": it is not offered again, and nothing goes out until another level is chosen.
      expect(await byId("post-privacy-level").locator('option[value="PUBLIC_TO_EVERYONE"]').count()).toBe(0);
      await expect.poll(() => byId("post-publish-now").isDisabled()).toBe(true);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, "browser-reschedule-failed.png"), fullPage: true });

      await checkStubbedDecisions(postId);

      // In the list, a failed post sends the user to its page to fix it.
      await page.goto(`${stack.appUrl}/posts`);
      const item = page.locator(`[data-testid="post-item"][data-post-id="${postId}"]`);
      expect(await item.getByTestId("post-decide").textContent()).toBe("Fix and retry…");
      await page.screenshot({ path: path.join(SCREENSHOTS, "browser-reschedule-list.png"), fullPage: true });
      await item.getByTestId("post-decide").click();
      await byId("post-detail").waitFor();

      await byId("post-privacy-level").selectOption("SELF_ONLY");
      await byId("post-publish-now").click();
      await expect.poll(detailStatus, { timeout: 60_000, interval: 500 }).toBe("published");
      const record = await emulatorRecord();
      expect(record.inits).toHaveLength(2);
      expect(record.inits[1].post_info).toMatchObject({ title: "Posted after a privacy fix", privacy_level: "SELF_ONLY" });
    });
  }, 120_000);
});

const byId = (id: string) => page.getByTestId(id);
const detailStatus = () => byId("post-detail").getAttribute("data-status");

async function signUpAndConnect() {
  await page.goto(`${stack.appUrl}/signup`);
  await byId("signup-email").fill(`reschedule-${Date.now()}@example.com`);
  await byId("signup-password").fill("correct horse battery staple");
  await byId("signup-submit").click();
  await byId("connect-tiktok").click();
  await page.waitForURL(`${stack.emulatorUrl}/v2/auth/authorize/**`);
  await page.locator('input[name="username"]').fill(CREATOR);
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL(`${stack.appUrl}/**`);
  await byId("account-item").waitFor();
}

/** Composes a direct post an hour ahead (New York time) and returns its id from the posts list. */
async function schedulePost(caption: string, privacyLevel: string): Promise<string> {
  await page.goto(`${stack.appUrl}/posts/new`);
  await byId("creator-info").waitFor();
  await byId("video-file").setInputFiles(VIDEO);
  await byId("upload-done").waitFor({ timeout: 60_000 });
  await byId("caption").fill(caption);
  await byId("privacy-level").selectOption(privacyLevel);
  await byId("schedule-timezone").selectOption(ZONE);
  const wall = wallClock(Date.now() + HOUR_MS, ZONE);
  await byId("schedule-date").fill(wall.date);
  await byId("schedule-time").fill(wall.time);
  await byId("schedule-submit").click();
  await page.waitForURL(`${stack.appUrl}/posts`);
  const item = byId("post-item").filter({ hasText: caption });
  await item.waitFor();
  expect(await item.getAttribute("data-status")).toBe("scheduled");
  return (await item.getAttribute("data-post-id"))!;
}

async function openPost(postId: string) {
  await page.goto(`${stack.appUrl}/posts/${postId}`);
  await byId("post-detail").waitFor();
}

/** "Edit time" / "Reschedule…" to a few seconds from now, typed as New York wall-clock time; returns the instant. */
async function rescheduleSecondsAhead(screenshot?: string): Promise<number> {
  await byId("post-reschedule").click();
  expect(await byId("reschedule-timezone").inputValue()).toBe(ZONE); // the form starts in the post's own zone
  if (screenshot) await page.screenshot({ path: path.join(SCREENSHOTS, screenshot), fullPage: true });
  const target = Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000;
  const wall = wallClock(target, ZONE);
  await byId("reschedule-date").fill(wall.date);
  await byId("reschedule-time").fill(wall.time);
  await byId("reschedule-submit").click();
  await byId("reschedule-form").waitFor({ state: "detached" });
  expect(await byId("post-action-error").count()).toBe(0);
  return target;
}

/**
 * Missed and unconfirmed can't be produced on demand locally, so the browser's GET of this post is answered with
 * the real post relabelled; the decisions shown must match the status. Edits still reach the real API.
 */
async function checkStubbedDecisions(postId: string) {
  const relabel = (patch: Record<string, unknown>) =>
    page.route(`**/api/posts/${postId}`, async (route) => {
      if (route.request().method() !== "GET") return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { post: Record<string, unknown> };
      body.post = { ...body.post, lastError: null, ...patch };
      return route.fulfill({ response, json: body });
    });

  await relabel({ status: "missed" });
  await page.reload();
  await expect.poll(detailStatus).toBe("missed");
  expect(await byId("post-decision-note").textContent()).toContain("within 360 minutes of its time (late policy)");
  // The account went private, so its "Everyone" is no longer offered: a new choice comes first.
  await expect.poll(() => byId("post-publish-now").isDisabled()).toBe(true);
  await byId("post-privacy-level").selectOption("SELF_ONLY");
  await expect.poll(() => byId("post-publish-now").isEnabled()).toBe(true);
  expect(await byId("post-cancel").count()).toBe(1);
  await page.screenshot({ path: path.join(SCREENSHOTS, "browser-reschedule-missed.png"), fullPage: true });
  await page.unrouteAll();

  await relabel({ status: "unconfirmed" });
  await page.reload();
  await expect.poll(detailStatus).toBe("unconfirmed");
  expect(await byId("post-publish-now").textContent()).toBe("Publish again");
  await expect.poll(() => byId("post-publish-now").isDisabled()).toBe(true); // only after the user says they checked TikTok
  await byId("confirm-not-posted").check();
  await byId("post-privacy-level").selectOption("SELF_ONLY");
  await expect.poll(() => byId("post-publish-now").isEnabled()).toBe(true);
  await page.screenshot({ path: path.join(SCREENSHOTS, "browser-reschedule-unconfirmed.png"), fullPage: true });
  await page.unrouteAll();

  // A pre-flight warning on a post still to come stands out, with the privacy fix at hand.
  const warning = "The chosen privacy level is no longer offered for this account.";
  await relabel({ status: "scheduled", warning, scheduledAt: new Date(Date.now() + HOUR_MS).toISOString() });
  await page.reload();
  await expect.poll(detailStatus).toBe("scheduled");
  expect(await byId("post-warning").textContent()).toContain(warning);
  expect(await byId("post-privacy-save").count()).toBe(1);
  expect(await byId("post-reschedule").textContent()).toBe("Edit time");
  await page.screenshot({ path: path.join(SCREENSHOTS, "browser-reschedule-warning.png"), fullPage: true });
  await page.unrouteAll();

  await page.reload();
  await expect.poll(detailStatus).toBe("failed");
}

async function withDiagnostics(name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    // The Worker's own log is the fastest way to see why a step stalled.
    console.error(`--- wrangler dev / emulator output (last 80 lines) ---\n${serverLog.slice(-80).join("\n")}`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page
      ?.screenshot({ path: path.join(SCREENSHOTS, `browser-reschedule-${name}-failure.png`), fullPage: true })
      .catch((shotError: unknown) => console.error("failure screenshot not taken", shotError));
    throw error;
  }
}

interface EmulatorRecord {
  inits: { mode: string; at: number; post_info: Record<string, unknown> }[];
}

async function emulatorRecord(): Promise<EmulatorRecord> {
  return (await (await fetch(`${stack.emulatorUrl}/__emu/record`)).json()) as EmulatorRecord;
}
