// The planner in a real Chromium against `wrangler dev` + the TikTok emulator, under the strict CSP: compose from an
// empty hour of the calendar, drag a post to another day, move one with the keyboard, save a draft and schedule it,
// fill the queue from an account's posting schedule. Every screen reached gets axe (light and dark) and screenshots.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { VIDEO } from "./harness.ts";
import { api, type Journey, journeyFor, nyDay, nyInstant, postOf, postViaApi, withDiagnostics, ZONE } from "./planner-journey.ts";
import { checkScreen } from "./screens.ts";

let j: Journey;
let page: Page;
const byId = (id: string) => page.getByTestId(id);

journeyFor("planner", (started) => {
  j = started;
  page = started.page;
});

describe("the planner in the browser", () => {
  it("remembers the workspace's time zone and composes from an empty hour of the week", async () => {
    await withDiagnostics(j, "planner-compose", async () => {
      await page.goto(`${j.stack.appUrl}/home`);
      await byId("setup-checklist").waitFor();
      await checkScreen(page, "home-setup");

      await page.goto(`${j.stack.appUrl}/settings`);
      await byId("settings-timezone").selectOption(ZONE);
      await byId("settings-timezone-save").click();
      await byId("toast").filter({ hasText: "New York" }).waitFor();
      await byId("hashtags-name").fill("Planning");
      await byId("hashtags-text").fill("#planning, calendar");
      await byId("hashtags-save").click();
      await byId("saved-hashtags").getByText("#planning #calendar").waitFor();
      await checkScreen(page, "settings");

      const day = nyDay(Date.now(), 2);
      await page.goto(`${j.stack.appUrl}/calendar?view=week&date=${day}`);
      await byId("calendar-week").waitFor();
      expect(await page.locator(".page-head .muted").textContent()).toContain("New York");
      await page.locator(`[data-testid="calendar-hour"][data-day="${day}"][data-hour="10"] [data-testid="compose-hour"]`).click();

      await page.waitForURL(/\/posts\/new\?at=/);
      await byId("creator-info").waitFor();
      expect(await byId("schedule-date").inputValue()).toBe(day);
      expect(await byId("schedule-time").inputValue()).toBe("10:00:00");
      expect(await byId("schedule-timezone").inputValue()).toBe(ZONE);
      // A file that is not a video is refused at once, in words, with no Retry that could not help.
      await byId("video-file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a video") });
      expect(await byId("upload-error").textContent()).toContain("This is not a video (MP4, MOV or WebM)");
      expect(await byId("upload-error").getByRole("button").count()).toBe(0);
      await byId("video-file").setInputFiles(VIDEO);
      await byId("upload-done").waitFor({ timeout: 60_000 });
      await byId("caption").fill("From the calendar @friend");
      await byId("hashtag-menu").locator("summary").click();
      await byId("hashtag-menu")
        .getByRole("button", { name: /Planning/ })
        .click();
      expect(await byId("caption").inputValue()).toBe("From the calendar @friend #planning #calendar");
      expect(await byId("preview-caption").locator(".tag").first().textContent()).toBe("#planning");
      await byId("privacy-level").selectOption("SELF_ONLY");
      // One rule for a time in the past, the API's: it is refused here first, in the same words.
      await byId("schedule-date").fill(nyDay(Date.now(), -1));
      expect(await byId("schedule-words").getAttribute("data-past")).toBe("true");
      expect(await byId("blockers").textContent()).toContain("Pick a time in the future");
      expect(await byId("schedule-submit").isDisabled()).toBe(true);
      await byId("schedule-date").fill(day);
      // Interactions are real switches, off until turned on (tiktok-api.md §8.2c).
      expect(await byId("allow-duet").getAttribute("role")).toBe("switch");
      expect(await byId("allow-duet").isChecked()).toBe(false);
      await byId("allow-duet").check();
      expect(await byId("allow-duet").getAttribute("aria-checked")).toBe("true");
      expect(await byId("schedule-words").textContent()).toMatch(/10:00/);
      await checkScreen(page, "composer");
      await byId("schedule-submit").click();

      await page.waitForURL(`${j.stack.appUrl}/posts`);
      const item = byId("post-item").filter({ hasText: "From the calendar" });
      await item.waitFor();
      const id = (await item.getAttribute("data-post-id"))!;
      expect(await postOf(j, id)).toMatchObject({
        scheduledAt: new Date(nyInstant(day, "10:00:00")).toISOString(),
        caption: "From the calendar @friend #planning #calendar",
        disableDuet: false,
        disableComment: true,
      });

      await page.goto(`${j.stack.appUrl}/calendar?view=week&date=${day}`);
      const hour = page.locator(`[data-testid="calendar-hour"][data-day="${day}"][data-hour="10"]`);
      await hour.locator(`[data-post-id="${id}"]`).waitFor();
      await checkScreen(page, "calendar-week");
    });
  }, 180_000);

  it("reschedules by dragging a post to another day, and with the keyboard", async () => {
    await withDiagnostics(j, "planner-move", async () => {
      const day = nyDay(Date.now(), 3);
      const post = await postViaApi(j, nyInstant(day, "15:30:00"), "Drag me");
      await page.goto(`${j.stack.appUrl}/calendar?date=${day}`);
      const chip = page.locator(`[data-testid="calendar-post"][data-post-id="${post.id}"]`);
      await chip.waitFor();
      await checkScreen(page, "calendar-month");

      // Drag: two days later, same time of day in New York.
      const target = nyDay(nyInstant(day, "15:30:00"), 2);
      await chip.dragTo(page.locator(`[data-testid="calendar-day"][data-day="${target}"]`));
      await byId("toast").filter({ hasText: "Moved to" }).waitFor();
      await expect.poll(async () => (await postOf(j, post.id)).scheduledAt).toBe(new Date(nyInstant(target, "15:30:00")).toISOString());
      await page.locator(`[data-day="${target}"] [data-post-id="${post.id}"]`).waitFor();

      // Keyboard: Space picks it up, → moves a day, Enter drops it.
      await page.locator(`[data-post-id="${post.id}"]`).focus();
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowRight");
      const next = nyDay(nyInstant(target, "15:30:00"), 1);
      expect(await byId("move-announcer").textContent()).toContain("Moving to");
      expect(await page.locator(`[data-testid="calendar-day"][data-day="${next}"]`).getAttribute("class")).toContain("drop-target");
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await postOf(j, post.id)).scheduledAt).toBe(new Date(nyInstant(next, "15:30:00")).toISOString());

      // Undo puts it back.
      await byId("undo-move").last().click();
      await expect.poll(async () => (await postOf(j, post.id)).scheduledAt).toBe(new Date(nyInstant(target, "15:30:00")).toISOString());

      // The week view moves by the hour: ↓ is an hour later.
      await page.goto(`${j.stack.appUrl}/calendar?view=week&date=${target}`);
      await page.locator(`[data-post-id="${post.id}"]`).focus();
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await postOf(j, post.id)).scheduledAt).toBe(new Date(nyInstant(target, "16:30:00")).toISOString());
    });
  }, 120_000);

  it("saves a draft without a time, then schedules it from the drafts", async () => {
    await withDiagnostics(j, "planner-draft", async () => {
      await page.goto(`${j.stack.appUrl}/posts/new`);
      await byId("creator-info").waitFor();
      await byId("video-library").selectOption(j.videoId);
      await byId("upload-done").waitFor();
      await byId("caption").fill("Half an idea #draft");
      await expect.poll(() => byId("schedule-submit").isDisabled()).toBe(true); // no privacy level chosen yet
      await byId("save-draft").click();

      await page.waitForURL(`${j.stack.appUrl}/posts?tab=drafts`);
      const item = byId("post-item").filter({ hasText: "Half an idea" });
      await item.waitFor();
      expect(await item.getAttribute("data-status")).toBe("draft");
      await checkScreen(page, "posts-drafts");

      await item.getByTestId("post-open").click();
      await page.waitForURL(/\/edit$/);
      await byId("creator-info").waitFor();
      expect(await byId("caption").inputValue()).toBe("Half an idea #draft");
      await byId("privacy-level").selectOption("SELF_ONLY");
      const day = nyDay(Date.now(), 4);
      await byId("schedule-date").fill(day);
      await byId("schedule-time").fill("08:15:00");
      await checkScreen(page, "composer-draft");
      await byId("schedule-submit").click();
      await page.waitForURL(`${j.stack.appUrl}/posts`);
      const id = (await byId("post-item").filter({ hasText: "Half an idea" }).getAttribute("data-post-id"))!;
      const post = await postOf(j, id);
      expect(post).toMatchObject({ status: "scheduled", scheduledAt: new Date(nyInstant(day, "08:15:00")).toISOString(), timezone: ZONE });
    });
  }, 120_000);

  it("adds a post to the account's next free queue slot, and shows the slots on the calendar", async () => {
    await withDiagnostics(j, "planner-queue", async () => {
      await page.goto(`${j.stack.appUrl}/accounts`);
      await byId("account-item").waitFor();
      await checkScreen(page, "accounts");
      await page.locator(".account-name").first().click();
      await byId("queue-editor").waitFor();
      await byId("queue-new-time").fill("09:00");
      await byId("queue-add-time").click();
      await byId("queue-new-time").fill("18:00");
      await byId("queue-add-time").click();
      for (const day of [6, 7]) await byId(`slot-${day}-18:00`).check(); // weekends too, in the evening
      await byId("queue-timezone").selectOption(ZONE);
      await byId("queue-save").click();
      await byId("queue-next").locator("li").first().waitFor();
      await checkScreen(page, "account");
      // On a 375 px phone every day of the posting schedule is in view (none behind a sideways scroll).
      await page.setViewportSize({ width: 375, height: 844 });
      const grid = await page.locator(".table-scroll").evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(grid[0], "the posting schedule scrolls sideways at 375 px").toBeLessThanOrEqual(grid[1]!);
      await page.setViewportSize({ width: 1280, height: 900 });
      const queue = await api(page, j.stack, "GET", `/api/accounts/${j.accountId}/queue`);
      const first = queue.next[0] as string;

      await page.goto(`${j.stack.appUrl}/posts/new`);
      await byId("creator-info").waitFor();
      await byId("video-library").selectOption(j.videoId);
      await byId("caption").fill("Queued up #queue");
      await byId("privacy-level").selectOption("SELF_ONLY");
      await byId("when-queue").check();
      await byId("next-slot").waitFor();
      expect(await byId("schedule-submit").textContent()).toBe("Add to queue");
      await byId("schedule-submit").click();
      await page.waitForURL(`${j.stack.appUrl}/posts`);
      const id = (await byId("post-item").filter({ hasText: "Queued up" }).getAttribute("data-post-id"))!;
      expect(await postOf(j, id)).toMatchObject({ status: "scheduled", scheduledAt: first, timezone: ZONE });

      await page.goto(`${j.stack.appUrl}/calendar?view=week&date=${nyDay(Date.parse(first), 1)}`);
      await byId("free-slot").first().waitFor();
    });
  }, 120_000);
});
