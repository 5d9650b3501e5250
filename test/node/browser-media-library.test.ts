// The planner's media library in a real Chromium against `wrangler dev`, under the strict CSP: videos uploaded in the
// composer (one TikTok would refuse) are listed with their thumbnail, facts, verdict, problems and how many posts use
// them; a ready one plays with Range (seeking works) and is reused in a new post without uploading again; deleting
// one a scheduled post needs is refused in the server's words, deleting an unused one removes it; in the composer a
// cover frame is picked on a slider, shown in the phone preview and saved with the post.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness.ts";
import { api, type Journey, journeyFor, postViaApi, withDiagnostics } from "./planner-journey.ts";
import { checkScreen } from "./screens.ts";

let j: Journey;
let page: Page;
const byId = (id: string) => page.getByTestId(id);
const item = (id: string) => page.locator(`[data-testid=media-item][data-video-id="${id}"]`);
const fixture = (name: string) => path.join(ROOT, "test/fixtures/videos", name);

journeyFor("media", (started) => {
  j = started;
  page = started.page;
});

/** Chooses a file in the composer and waits for the server's verdict; returns the video's id. */
async function uploadInComposer(name: string, verdict: "upload-done" | "video-problems") {
  await page.goto(`${j.stack.appUrl}/posts/new`);
  const created = page.waitForResponse((r) => r.url().endsWith("/api/videos") && r.request().method() === "POST");
  await byId("video-file").setInputFiles(fixture(name));
  const id = ((await (await created).json()) as any).video.id as string;
  await byId(verdict).waitFor({ timeout: 60_000 });
  return id;
}

describe("the media library", () => {
  it("lists videos with thumbnail, facts, verdict and uses; previews with Range; reuses one; deletes with confirmation", async () => {
    await withDiagnostics(j, "browser-media-library", async () => {
      const thumbnail = page.waitForResponse((r) => r.url().endsWith("/thumbnail") && r.request().method() === "PUT", {
        timeout: 60_000,
      });
      const good = await uploadInComposer("vp9.webm", "upload-done");
      expect((await thumbnail).status()).toBe(200);
      const bad = await uploadInComposer("fps-15.mp4", "video-problems");
      await expect
        .poll(async () => (await api(page, j.stack, "GET", `/api/videos/${j.videoId}`)).video.status, { timeout: 60_000 })
        .toBe("ready");
      await postViaApi(j, Date.now() + 2 * 86_400_000, "Needs its video");

      await byId("nav-media").click();
      await expect.poll(() => byId("media-item").count()).toBe(3);
      const ready = item(good);
      expect(await ready.getAttribute("data-status")).toBe("ready");
      expect(await ready.getByTestId("media-facts").textContent()).toMatch(/^2 sec · 360×640 · 30 fps · .+ · vp9/);
      expect(await ready.getByTestId("media-uses").textContent()).toBe("Not used by any post");
      expect(await item(j.videoId).getByTestId("media-uses").textContent()).toBe("Used by 1 post");
      await expect.poll(() => ready.locator("img.thumb").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      const refused = item(bad);
      expect(await refused.getAttribute("data-status")).toBe("rejected");
      expect(await refused.getByTestId("media-problems").locator("li").first().getAttribute("data-code")).toBe("frame_rate_out_of_range");
      expect(await refused.getByTestId("media-reuse").count()).toBe(0);

      // Preview: the browser asks for ranges and gets 206; seeking lands where asked.
      const ranged = page.waitForResponse((r) => r.url().endsWith(`/api/videos/${good}/content`) && r.status() === 206);
      await ready.getByTestId("media-preview-toggle").click();
      expect((await ranged).headers()["content-range"]).toMatch(/^bytes \d+-\d+\/\d+$/);
      const preview = ready.getByTestId("media-preview");
      await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
      const seekedTo = await preview.evaluate(
        (v: HTMLVideoElement) =>
          new Promise<number>((resolve) => {
            v.addEventListener("seeked", () => resolve(v.currentTime), { once: true });
            v.currentTime = 1.5;
          }),
      );
      expect(seekedTo).toBeCloseTo(1.5, 0);
      await checkScreen(page, "media");

      // Delete the one a scheduled post needs: confirmed, then refused in the server's words; it stays.
      await item(j.videoId).getByTestId("media-delete").click();
      expect(await byId("confirm-dialog").textContent()).toContain("1 post uses it");
      await byId("confirm-yes").click();
      expect(await item(j.videoId).getByTestId("media-error").textContent()).toContain(
        "This video is used by posts that have not gone out yet",
      );
      expect(await byId("confirm-dialog").count()).toBe(0);

      // Delete the refused one: "Keep it" first changes nothing, then confirmed it is gone, here and from the API.
      await refused.getByTestId("media-delete").click();
      await byId("confirm-dialog").getByRole("button", { name: "Keep it" }).click();
      expect(await byId("media-item").count()).toBe(3);
      await refused.getByTestId("media-delete").click();
      await byId("confirm-yes").click();
      await expect.poll(() => byId("media-item").count()).toBe(2);
      const listed = await api(page, j.stack, "GET", "/api/videos");
      expect(listed.videos.map((v: { id: string }) => v.id).sort()).toEqual([good, j.videoId].sort());

      // Reuse: the composer starts with the video, ready, and sends no upload.
      const uploads: string[] = [];
      page.on("request", (r) => {
        if (r.method() === "POST" && r.url().endsWith("/api/videos")) uploads.push(r.url());
      });
      await ready.getByTestId("media-reuse").click();
      await byId("upload-done").waitFor();
      expect(new URL(page.url()).searchParams.get("video")).toBe(good);
      expect(uploads).toEqual([]);

      // The cover: a slider over the video; the preview stops at the chosen frame; the post keeps it.
      await byId("creator-info").waitFor();
      expect(await byId("cover-label").textContent()).toBe("The first frame");
      await byId("cover-time").fill("1500");
      expect(await byId("cover-label").textContent()).toBe("The frame at 1.5 sec");
      await expect.poll(() => byId("preview-video").evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(1.5, 1);
      await checkScreen(page, "composer-cover");
      const saved = page.waitForResponse((r) => r.url().endsWith("/api/drafts") && r.request().method() === "POST");
      await byId("save-draft").click();
      const draft = ((await (await saved).json()) as { post: { id: string } }).post;
      expect((await api(page, j.stack, "GET", `/api/posts/${draft.id}`)).post.coverTimestampMs).toBe(1500);
    });
  }, 300_000);
});
