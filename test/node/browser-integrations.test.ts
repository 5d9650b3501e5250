// The integrations screen in a real Chromium against `wrangler dev`, with a local HTTP sink standing in for Slack and
// a webhook receiver: an admin opts in to "published" by email (kept after a reload), adds a Slack channel (a bad URL
// is refused beside the field), registers an endpoint and sees its secret once, rotates it, sends a test that arrives
// signed with the new secret and shows in the delivery log, redelivers it (the receiver gets the same event twice),
// disables and deletes the endpoint; an editor sees only their own alerts; the channel is removed after asking.
// axe in light and dark, the 375 px check and screenshots at 1280 and 390 px on each state (and one in dark).
import { createHmac } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSink } from "../http-sink.ts";
import { launchChromium, startTestStack, type TestStack } from "./harness.ts";
import { checkScreen, screenshots, startAxeLog } from "./screens.ts";

let running: TestStack;
let browser: Browser;
let page: Page;
let sink: Awaited<ReturnType<typeof startSink>>;
const cspViolations: string[] = [];
const EMAIL = `ines-${Date.now()}@example.com`;
/** The endpoint's signing secret, as the screen showed it once. */
const secrets = { hook: "" };

type Received = { headers: Record<string, string>; body: string };
const received = async (name: string): Promise<Received[]> =>
  ((await (await fetch(`${sink.url}/__sink/${name}`)).json()) as { received: Received[] }).received;

beforeAll(async () => {
  startAxeLog("integrations");
  sink = await startSink();
  running = await startTestStack("integrations");
  await running.stack.tick(); // the cron has run once: the scheduler is healthy, as in production
  ({ browser, page } = await launchChromium());
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
  });
}, 240_000);

afterAll(async () => {
  expect(cspViolations).toEqual([]);
  await browser?.close();
  await running?.stop();
  await sink?.close();
}, 60_000);

const url = (path: string) => `${running.stack.appUrl}${path}`;

async function onFailure(body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    console.error(`--- wrangler dev output (last 60 lines) ---\n${running.serverLog.slice(-60).join("\n")}`);
    await page.screenshot({ path: "test-results/integrations-failure.png", fullPage: true }).catch(() => undefined);
    throw error;
  }
}

describe("integrations in the browser", () => {
  it("keeps my alert choices: published by email is opt-in and stays on after a reload", async () => {
    await onFailure(async () => {
      await page.goto(url("/signup"));
      await page.getByTestId("signup-email").fill(EMAIL);
      await page.getByTestId("signup-password").fill("correct horse battery staple");
      await page.getByTestId("signup-submit").click();
      await page.getByTestId("connect-tiktok").waitFor();
      await page.goto(url("/settings"));
      await page.getByTestId("goto-integrations").click();
      await page.waitForURL(url("/integrations"));

      // The server's defaults: problems by email, publishes nowhere.
      expect(await page.getByTestId("pref-failed-email").isChecked()).toBe(true);
      expect(await page.getByTestId("pref-published-email").isChecked()).toBe(false);
      await page.getByTestId("pref-published-email").check();
      await page.getByTestId("prefs-save").click();
      expect(await page.getByTestId("prefs-saved").textContent()).toBe("Your alerts are saved.");

      await page.reload();
      await page.getByTestId("pref-published-email").waitFor();
      expect(await page.getByTestId("pref-published-email").isChecked()).toBe(true);
      expect(await page.getByTestId("pref-published-in_app").isChecked()).toBe(false);
      expect(await page.getByTestId("pref-digest-email").isChecked()).toBe(false);
      // Development: no email provider, so the local outbox is linked.
      expect(await page.getByTestId("email-outbox").getByRole("link").getAttribute("href")).toBe("/api/email-outbox/page");
      // An AI assistant is pointed at this app's own MCP endpoint.
      expect(await page.getByTestId("mcp-address").textContent()).toBe(`${new URL(page.url()).origin}/api/mcp`);
    });
  }, 240_000);

  it("adds a Slack channel, after showing a refused URL beside its field", async () => {
    await onFailure(async () => {
      await page.getByTestId("alert-channel-url").fill("ftp://hooks.example.com/x");
      await page.getByTestId("alert-channel-add").click();
      expect(await page.getByTestId("url-error").textContent()).toBe("The URL must use https");
      expect(await page.getByTestId("alert-channel-url").getAttribute("aria-invalid")).toBe("true");

      await page.getByTestId("alert-channel-url").fill(`${sink.url}/slack/T000/B000/secret`);
      await page.getByTestId("alert-channel-alert-published").check();
      await page.getByTestId("alert-channel-add").click();
      const channel = page.getByTestId("alert-channel");
      await channel.waitFor();
      const text = await channel.textContent();
      expect(text).toContain("Slack");
      expect(text).toContain(sink.url);
      expect(text).not.toContain("secret"); // only the hook's origin is shown again
      expect(text).toContain("Published");
      expect(await page.getByTestId("url-error").count()).toBe(0);
    });
  }, 60_000);

  it("registers a webhook endpoint and shows its secret once", async () => {
    await onFailure(async () => {
      await page.getByTestId("endpoint-url").fill(`${sink.url}/hook`);
      await page.getByTestId("endpoint-event-post.published").check();
      await page.getByTestId("endpoint-event-post.failed").check();
      await page.getByTestId("endpoint-create").click();
      const secret = await page.getByTestId("endpoint-secret").inputValue();
      expect(secret).toMatch(/^whsec_.{20,}/);
      expect(await page.getByTestId("endpoint-secret-box").textContent()).toContain("you won't see it again");
      const endpoint = page.getByTestId("endpoint");
      await endpoint.waitFor();
      expect(await endpoint.getAttribute("data-enabled")).toBe("true");
      expect(await endpoint.textContent()).toContain("Post published, Post failed");
      await checkScreen(page, "integrations");

      await page.reload();
      await page.getByTestId("endpoint").waitFor();
      expect(await page.getByTestId("endpoint-secret").count()).toBe(0);

      // A new secret, after asking: shown once, and the one deliveries are signed with from now on.
      await page.getByTestId("endpoint-rotate").click();
      await page.getByTestId("confirm-yes").click();
      secrets.hook = await page.getByTestId("endpoint-secret").inputValue();
      expect(secrets.hook).toMatch(/^whsec_/);
      expect(secrets.hook).not.toBe(secret);
      await page.getByTestId("endpoint-secret-done").click();
      expect(await page.getByTestId("endpoint-secret").count()).toBe(0);
    });
  }, 120_000);

  it("sends a signed test, logs it, redelivers it, disables the endpoint and deletes it", async () => {
    await onFailure(async () => {
      const endpoint = page.getByTestId("endpoint");
      await endpoint.getByTestId("endpoint-test").click();
      const delivered = page.locator('[data-testid="delivery"][data-status="delivered"]');
      await delivered.first().waitFor();
      expect(await delivered.first().getByTestId("delivery-meta").textContent()).toBe("1 attempt · answered 200");

      const [first] = await received("hook");
      expect(first).toBeDefined();
      const { t, v1 } = Object.fromEntries(first!.headers["postflare-signature"]!.split(",").map((kv) => kv.split("=")));
      expect(v1).toBe(createHmac("sha256", secrets.hook).update(`${t}.${first!.body}`).digest("hex"));

      await delivered.first().getByTestId("delivery-redeliver").click();
      await page.locator('[data-testid="delivery"][data-kind="redelivery"][data-status="delivered"]').waitFor();
      expect(await page.getByTestId("delivery").count()).toBe(2);
      const both = await received("hook");
      expect(both).toHaveLength(2);
      const ids = both.map((r) => (JSON.parse(r.body) as { id: string }).id);
      expect(ids[1]).toBe(ids[0]); // the same event again: receivers dedupe on its id
      await page.getByTestId("signature-hint").locator("summary").click();
      expect(await page.getByTestId("signature-hint").textContent()).toContain("Postflare-Signature: t=…,v1=…");
      await checkScreen(page, "integrations-deliveries");
      await page.emulateMedia({ colorScheme: "dark" });
      await screenshots(page, "integrations-deliveries-dark");
      await page.emulateMedia({ colorScheme: "light" });

      await endpoint.getByTestId("endpoint-enabled").uncheck();
      await page.locator('[data-testid="endpoint"][data-enabled="false"]').waitFor();
      expect(await page.getByTestId("endpoint-state").textContent()).toBe("Disabled");
      const listed = await page.request.get(url("/api/webhook-endpoints"));
      expect((await listed.json()).endpoints[0].enabled).toBe(false);

      await page.getByTestId("endpoint-delete").click();
      await page.getByTestId("confirm-yes").click();
      await page.getByTestId("webhooks").getByText("No endpoints yet.").waitFor();
      expect((await (await page.request.get(url("/api/webhook-endpoints"))).json()).endpoints).toEqual([]);
    });
  }, 120_000);

  it("shows an editor only their own alerts, with a note that admins set up the rest", async () => {
    await onFailure(async () => {
      const invite = await page.request.post(url("/api/invites"), { data: { role: "editor" } });
      const token = new URL(((await invite.json()) as { url: string }).url).hash.slice(1);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const editor = await context.newPage();
      const signup = await editor.request.post(url("/api/auth/signup"), {
        data: { email: `eli-${Date.now()}@example.com`, password: "correct horse battery staple" },
      });
      expect(signup.status()).toBe(201);
      expect((await editor.request.post(url("/api/invites/accept"), { data: { token } })).ok()).toBe(true);
      await editor.goto(url("/integrations"));
      await editor.getByTestId("integrations-admins-only").waitFor();
      await editor.getByTestId("pref-failed-email").waitFor();
      for (const adminOnly of ["alert-channels", "webhooks", "email-outbox"]) expect(await editor.getByTestId(adminOnly).count()).toBe(0);
      await checkScreen(editor, "integrations-editor");
      await context.close();
    });
  }, 60_000);

  it("removes the Slack channel after asking", async () => {
    await onFailure(async () => {
      await page.getByTestId("alert-channel-remove").click();
      await page.getByTestId("confirm-dialog").waitFor();
      await checkScreen(page, "integrations-remove-channel");
      await page.getByTestId("confirm-yes").click();
      await page.getByTestId("alert-channels").getByText("No team channels yet.").waitFor();
      expect(await page.getByTestId("alert-channel").count()).toBe(0);
    });
  }, 60_000);
});
