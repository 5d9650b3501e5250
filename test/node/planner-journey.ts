// Shared by the planner's browser journeys: a stack and a Chromium page serving the app under the strict CSP the
// security work ships (so a violation fails the journey), a signed-up workspace with a connected TikTok account,
// and the API called with the page's own session (uploads and posts a journey needs but does not test).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { Stack } from "../../scripts/stack.ts";
import { launchChromium, SCREENSHOTS, startTestStack, type TestStack, VIDEO, wallClock } from "./harness.ts";
import { startAxeLog } from "./screens.ts";

export const ZONE = "America/New_York";
export const CREATOR = "planner.creator";

/** The policy issue 16 ships (plus the emulator's origin for its consent page, which the app only links to). */
const csp = (emulatorUrl: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' blob: data: https://*.tiktokcdn.com https://*.tiktokcdn-us.com ${emulatorUrl}`,
    "media-src 'self' blob:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

export type Journey = {
  running: TestStack;
  stack: Stack;
  browser: Browser;
  page: Page;
  /** Console lines the browser printed about a CSP violation (must stay empty). */
  cspViolations: string[];
  accountId: string;
  videoId: string;
};

export async function startJourney(name: string): Promise<Journey> {
  startAxeLog(name);
  const running = await startTestStack(name);
  const { stack } = running;
  const { browser, page } = await launchChromium();
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  // Pages the route below answers come with no server address, so Chromium counts them as public and would block
  // their WebSocket to localhost (Local Network Access): the permission a user grants once, granted here.
  await page.context().grantPermissions(["local-network-access"]);
  await page.context().route(`${stack.appUrl}/**`, async (route) => {
    // The app's pages only: the API's redirects (to TikTok's consent page and back) pass through untouched.
    if (route.request().resourceType() !== "document" || new URL(route.request().url()).pathname.startsWith("/api/"))
      return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    return route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": csp(stack.emulatorUrl!) } });
  });
  await stack.tick(); // the cron has run once: the scheduler is healthy, as it is in production
  const accountId = await signUpAndConnect(page, stack, name);
  const videoId = await uploadViaApi(page, stack);
  return { running, stack, browser, page, cspViolations, accountId, videoId };
}

async function signUpAndConnect(page: Page, stack: Stack, name: string): Promise<string> {
  await page.goto(`${stack.appUrl}/signup`);
  await page.getByTestId("signup-email").fill(`${name}-${Date.now()}@example.com`);
  await page.getByTestId("signup-password").fill("correct horse battery staple");
  await page.getByTestId("signup-submit").click();
  await page.getByTestId("connect-tiktok").click();
  await page.waitForURL(`${stack.emulatorUrl}/v2/auth/authorize/**`);
  await page.locator('input[name="username"]').fill(CREATOR);
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL(`${stack.appUrl}/**`);
  const account = page.getByTestId("account-item");
  await account.waitFor();
  return (await account.getAttribute("data-account-id"))!;
}

/** The fixture video through the API's multipart protocol, with the page's session cookie. */
export async function uploadViaApi(page: Page, stack: Stack): Promise<string> {
  const bytes = readFileSync(VIDEO);
  const created = await api(page, stack, "POST", "/api/videos", {
    filename: path.basename(VIDEO),
    size: bytes.length,
    contentType: "video/mp4",
  });
  const video = created.video as { id: string; partSize: number; partCount: number };
  for (let n = 1; n <= video.partCount; n++) {
    const part = bytes.subarray((n - 1) * video.partSize, Math.min(n * video.partSize, bytes.length));
    const res = await page.request.put(`${stack.appUrl}/api/videos/${video.id}/parts/${n}`, {
      data: part,
      headers: { "content-type": "application/octet-stream" },
    });
    expect(res.status()).toBe(200);
  }
  await api(page, stack, "POST", `/api/videos/${video.id}/complete`, {});
  // The probe runs in the background (media queue): the video can be scheduled once it is judged ready.
  for (let waited = 0; ; waited += 200) {
    const { status } = (await api(page, stack, "GET", `/api/videos/${video.id}`)).video;
    if (status === "ready") break;
    if (status === "rejected" || waited > 30_000) throw new Error(`the fixture video is ${status}`);
    await page.waitForTimeout(200);
  }
  return video.id;
}

export async function api(page: Page, stack: Stack, method: string, url: string, body?: unknown): Promise<any> {
  const res = await page.request.fetch(`${stack.appUrl}${url}`, {
    method,
    data: body,
    headers: body === undefined ? {} : { "content-type": "application/json" },
  });
  const json = await res.json();
  if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()} ${JSON.stringify(json)}`);
  return json;
}

/** A direct post through the API (what the journey needs on the calendar, not what it tests). */
export async function postViaApi(j: Journey, scheduledAt: number, caption: string) {
  const body = {
    accountId: j.accountId,
    videoId: j.videoId,
    caption,
    privacyLevel: "SELF_ONLY",
    scheduledAt: new Date(scheduledAt).toISOString(),
    timezone: ZONE,
  };
  return (await api(j.page, j.stack, "POST", "/api/posts", body)).post as { id: string; scheduledAt: string; status: string };
}

export const postOf = async (j: Journey, id: string) => (await api(j.page, j.stack, "GET", `/api/posts/${id}`)).post;

/** The calendar day key ("2027-03-16") of an instant in New York, and that day `days` later at `hour`:00 there. */
export function nyDay(instant: number, days = 0): string {
  return wallClock(instant + days * 86_400_000, ZONE).date;
}

export function nyInstant(date: string, time: string): number {
  // Search the offsets New York uses (-4 h, -5 h) for the one that shows this wall clock.
  for (const offset of [4, 5]) {
    const guess = Date.parse(`${date}T${time}Z`) + offset * 3_600_000;
    const shown = wallClock(guess, ZONE);
    if (shown.date === date && shown.time === time) return guess;
  }
  throw new Error(`${date} ${time} does not exist in New York`);
}

/**
 * The test file's journey: started before its tests (handed to `started`), stopped after them, the stack first (a
 * failed expectation must not leave wrangler dev and the emulator running), with no CSP violation allowed.
 */
export function journeyFor(name: string, started: (j: Journey) => void) {
  let journey: Journey | undefined;
  beforeAll(async () => {
    journey = await startJourney(name);
    started(journey);
  }, 240_000);
  afterAll(async () => {
    const violations = journey?.cspViolations ?? [];
    await stopJourney(journey);
    expect(violations).toEqual([]);
  }, 60_000);
}

/** A call to the journey's emulator control API (faults, users, the clock). */
export function emulatorCall(j: Journey, route: string, method: string, body?: unknown) {
  return fetch(`${j.stack.emulatorUrl}${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function stopJourney(j: Journey | undefined) {
  await j?.browser.close();
  await j?.running.stop();
}

/** On failure: the server's log and a screenshot of where the page was. */
export async function withDiagnostics(j: Journey, name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    console.error(`--- wrangler dev / emulator output (last 80 lines) ---\n${j.running.serverLog.slice(-80).join("\n")}`);
    await j.page
      .screenshot({ path: path.join(SCREENSHOTS, `${name}-failure.png`), fullPage: true })
      .catch((shot: unknown) => console.error("failure screenshot not taken", shot));
    throw error;
  }
}
