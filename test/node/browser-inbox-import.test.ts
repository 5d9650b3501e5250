// The CSV import and the notification centre in a real Chromium against `wrangler dev` + the TikTok emulator, under
// the strict CSP: a file with good and bad rows previews every error in words and imports only the good ones; a
// post TikTok refuses becomes one unread notification (the Worker's own pipeline: the post's event, the tick's
// dispatch, the integrations queue), shown on the bell, opened to the post, and read.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { VIDEO } from "./harness.ts";
import {
  api,
  CREATOR,
  emulatorCall,
  type Journey,
  journeyFor,
  nyDay,
  postOf,
  postViaApi,
  withDiagnostics,
  ZONE,
} from "./planner-journey.ts";
import { checkScreen, screenshots } from "./screens.ts";

let j: Journey;
let page: Page;
const byId = (id: string) => page.getByTestId(id);
const emulator = (route: string, method: string, body?: unknown) => emulatorCall(j, route, method, body);

journeyFor("inbox-import", (started) => {
  j = started;
  page = started.page;
});

/** Screenshots in the dark scheme too (checkScreen's axe runs both; its screenshots are light). */
async function darkShots(screen: string) {
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshots(page, `${screen}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

/** A post TikTok refuses (the emulator's fault), then the minute's tick that dispatches its event to the alerts. */
async function failedPost(caption: string) {
  expect((await emulator("/__emu/faults", "PUT", { failReason: "spam_risk_too_many_posts" })).status).toBe(200);
  const post = await postViaApi(j, Date.now() + 4_000, caption);
  await expect.poll(async () => (await postOf(j, post.id)).status, { timeout: 60_000, interval: 500 }).toBe("failed");
  expect((await emulator("/__emu/faults", "DELETE")).status).toBe(200);
  // The tick dispatches the post's event; the integrations queue writes the in-app notification.
  await j.stack.tick();
  return post;
}
const unreadOnServer = async () => (await api(page, j.stack, "GET", "/api/notifications")).unread;

/** Rows 2 and 3 are good (the video by filename, then by id); row 4 names an unknown account, row 5 a past day. */
function csvFile(videoId: string): string {
  const header = "video,caption,date,time,time_zone,account,privacy,mode,comment,duet,stitch,disclosure";
  const file = path.basename(VIDEO);
  return [
    header,
    `${file},"Imported one, with a comma #csv",${nyDay(Date.now(), 2)},10:00,${ZONE},@${CREATOR},SELF_ONLY,direct,on,on,off,`,
    `${videoId},Imported two #csv,${nyDay(Date.now(), 3)},11:30,${ZONE},${CREATOR},SELF_ONLY,direct,,,,`,
    `${file},Nobody's post,${nyDay(Date.now(), 2)},12:00,${ZONE},@nobody.here,SELF_ONLY,direct,,,,`,
    `${file},Too late,${nyDay(Date.now(), -2)},09:00,${ZONE},${CREATOR},SELF_ONLY,direct,,,,`,
  ].join("\n");
}

describe("CSV import and the notification centre in the browser", () => {
  it("previews every row with its errors in words and imports only the chosen good rows", async () => {
    await withDiagnostics(j, "csv-import", async () => {
      await page.goto(`${j.stack.appUrl}/posts`);
      await byId("import-csv").click();
      await page.waitForURL(/\/posts\/import$/);
      expect(await byId("import-template").getAttribute("href")).toBe("/api/imports/template");
      const template = await page.request.get(`${j.stack.appUrl}/api/imports/template`);
      expect((await template.text()).split("\n")[0]).toBe(
        "video,caption,date,time,time_zone,account,privacy,mode,comment,duet,stitch,disclosure",
      );

      await byId("import-file").setInputFiles({ name: "week.csv", mimeType: "text/csv", buffer: Buffer.from(csvFile(j.videoId)) });
      await byId("import-preview").click();
      await byId("import-table").waitFor();
      expect(await byId("import-summary").textContent()).toBe("2 valid, 2 with errors");
      const row = (n: number) => page.locator(`[data-testid="import-row"][data-row="${n}"]`);
      expect(await row(2).getAttribute("data-valid")).toBe("true");
      expect(await row(3).getAttribute("data-valid")).toBe("true");
      expect(await row(4).getByTestId("import-errors").textContent()).toBe("Account: No connected account @nobody.here");
      expect(await row(5).getByTestId("import-errors").textContent()).toBe("Time: Pick a time in the future");
      // Valid rows start chosen; a row with errors cannot be chosen.
      expect(await row(2).getByTestId("import-choose").isChecked()).toBe(true);
      expect(await row(3).getByTestId("import-choose").isChecked()).toBe(true);
      expect(await row(4).getByTestId("import-choose").isDisabled()).toBe(true);
      expect(await row(5).getByTestId("import-choose").isDisabled()).toBe(true);
      expect(await byId("import-confirm").textContent()).toBe("Import 2 posts");
      await checkScreen(page, "import-preview");
      await darkShots("import-preview");

      await byId("import-confirm").click();
      await byId("import-done").waitFor();
      expect(await byId("import-done").textContent()).toContain("Imported 2 posts");
      expect(await byId("import-created-post").count()).toBe(2);
      await checkScreen(page, "import-done");
      const { posts } = await api(page, j.stack, "GET", "/api/posts?limit=50");
      const imported = posts.filter((p: { caption: string }) => p.caption.endsWith("#csv"));
      expect(imported.map((p: { caption: string; status: string }) => [p.caption, p.status]).sort()).toEqual([
        ["Imported one, with a comma #csv", "scheduled"],
        ["Imported two #csv", "scheduled"],
      ]);
      expect(posts.some((p: { caption: string }) => p.caption === "Nobody's post" || p.caption === "Too late")).toBe(false);

      await byId("import-created-post").first().click();
      await byId("post-detail").waitFor();
      await page.goto(`${j.stack.appUrl}/posts`);
      await byId("post-item").filter({ hasText: "Imported one, with a comma" }).waitFor();
      await byId("post-item").filter({ hasText: "Imported two" }).waitFor();

      // A chosen row the server refuses (here the request is rewritten to add row 4, standing in for a row that went
      // bad between preview and confirm): it answers 422, schedules none of the chosen rows, and the page says so.
      await page.goto(`${j.stack.appUrl}/posts/import`);
      await byId("import-file").setInputFiles({ name: "week.csv", mimeType: "text/csv", buffer: Buffer.from(csvFile(j.videoId)) });
      await byId("import-preview").click();
      await byId("import-table").waitFor();
      await page.route("**/api/imports/confirm", (route) =>
        route.continue({ postData: JSON.stringify({ csv: csvFile(j.videoId), rows: [2, 4] }) }),
      );
      await byId("import-confirm").click();
      await byId("import-refused").waitFor();
      expect(await byId("import-refused").textContent()).toContain("Nothing was imported");
      await page.unroute("**/api/imports/confirm");
      await screenshots(page, "import-refused");
      const after = (await api(page, j.stack, "GET", "/api/posts?limit=50")).posts;
      expect(after.filter((p: { caption: string }) => p.caption.endsWith("#csv")).length).toBe(2);
    });
  }, 180_000);

  it("shows a failed post as one unread notification on the bell, opens its post and reads it", async () => {
    await withDiagnostics(j, "notifications", async () => {
      const bell = byId("notification-bell");
      expect(await bell.getAttribute("data-unread")).toBe("0");
      expect(await bell.getAttribute("aria-label")).toBe("Notifications");

      const post = await failedPost("Refused by TikTok #inbox");
      await expect.poll(unreadOnServer, { timeout: 30_000, interval: 500 }).toBe(1);

      // Nobody touches the tab: the live socket says the notification was written, and the bell counts it (its
      // poll is a minute away, and the post's own live update came before the alert existed).
      await expect.poll(() => bell.getAttribute("data-unread"), { timeout: 5_000 }).toBe("1");
      expect(await bell.getAttribute("aria-label")).toBe("Notifications, 1 unread");
      expect(await byId("notification-count").textContent()).toBe("1");

      await bell.click();
      await page.waitForURL(/\/notifications$/);
      const item = byId("notification");
      await item.first().waitFor();
      expect(await item.count()).toBe(1);
      expect(await item.getAttribute("data-alert")).toBe("failed");
      expect(await item.getAttribute("data-unread")).toBe("true");
      expect(await byId("notification-open").textContent()).toBe("Unread: Post failed");
      expect(await item.locator(".inbox-body").textContent()).toContain("Refused by TikTok #inbox");
      await checkScreen(page, "notifications");
      await darkShots("notifications");

      await byId("notification-open").click();
      await page.waitForURL(new RegExp(`/posts/${post.id}$`));
      await byId("post-detail").waitFor();
      expect(await byId("post-detail").getAttribute("data-status")).toBe("failed");
      await expect.poll(() => bell.getAttribute("data-unread")).toBe("0");
      expect(await bell.getAttribute("aria-label")).toBe("Notifications");
      expect((await api(page, j.stack, "GET", "/api/notifications")).unread).toBe(0);

      await bell.click();
      await item.first().waitFor();
      expect(await item.getAttribute("data-unread")).toBe("false");
      expect(await byId("notifications-read-all").isDisabled()).toBe(true);
      await checkScreen(page, "notifications-read");

      // A second one, found when the list is opened (the page asks afresh), then "Mark all read".
      await failedPost("Refused again #inbox");
      await expect.poll(unreadOnServer, { timeout: 30_000, interval: 500 }).toBe(1);
      await page.goto(`${j.stack.appUrl}/posts`);
      await byId("notification-bell").click();
      await expect.poll(() => item.count()).toBe(2);
      expect(await item.first().getAttribute("data-unread")).toBe("true");
      await expect.poll(() => bell.getAttribute("data-unread")).toBe("1");
      await byId("notifications-read-all").click();
      await expect.poll(() => bell.getAttribute("data-unread")).toBe("0");
      expect(await item.first().getAttribute("data-unread")).toBe("false");
      // The bell shows it at once; the server has it once its answer is back.
      await expect.poll(unreadOnServer, { timeout: 10_000, interval: 250 }).toBe(0);
    });
  }, 240_000);
});
