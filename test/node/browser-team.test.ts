// Teams in a real Chromium against `wrangler dev` (served with the app's strict CSP from web/public/_headers): two
// people sign up, the first invites the second as an editor by link, the second accepts (signing up on the way) and
// switches between workspaces; the first makes an API token, sees it once, uses it, revokes it, and finds all of it
// in the audit log. Every new screen gets axe (light and dark), the 375 px check and screenshots.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startTestStack, type TestStack } from "./harness.ts";
import { api, CREATOR, uploadViaApi } from "./planner-journey.ts";
import { checkScreen, startAxeLog } from "./screens.ts";

let running: TestStack;
let browser: Browser;
let ana: Page;
let ben: Page;
let benContext: BrowserContext;
const cspViolations: string[] = [];
const stamp = Date.now();
const ANA = `ana-${stamp}@example.com`;
const BEN = `ben-${stamp}@example.com`;
const PASSWORD = "correct horse battery staple";

function watchCsp(page: Page) {
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
  });
}

beforeAll(async () => {
  startAxeLog("team");
  running = await startTestStack("team");
  await running.stack.tick(); // the cron has run once: the scheduler is healthy, as in production
  ({ browser, page: ana } = await launchChromium());
  benContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  ben = await benContext.newPage();
  ben.setDefaultTimeout(30_000);
  watchCsp(ana);
  watchCsp(ben);
}, 240_000);

afterAll(async () => {
  expect(cspViolations).toEqual([]);
  await browser?.close();
  await running?.stop();
}, 60_000);

const url = (path: string) => `${running.stack.appUrl}${path}`;

async function signUp(page: Page, email: string) {
  await page.getByTestId("signup-email").fill(email);
  await page.getByTestId("signup-password").fill(PASSWORD);
  await page.getByTestId("signup-submit").click();
}

async function onFailure(page: Page, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    console.error(`--- wrangler dev output (last 60 lines) ---\n${running.serverLog.slice(-60).join("\n")}`);
    await page.screenshot({ path: "test-results/team-failure.png", fullPage: true }).catch(() => undefined);
    throw error;
  }
}

describe("teams in the browser", () => {
  let inviteLink = "";

  it("invites a second person as an editor by link; they sign up on the way and join", async () => {
    await onFailure(ana, async () => {
      await ana.goto(url("/signup"));
      await signUp(ana, ANA);
      await ana.getByTestId("connect-tiktok").waitFor();
      await ana.goto(url("/team"));
      await ana.getByTestId("member").filter({ hasText: ANA }).waitFor();
      expect(await ana.getByTestId("member-role-label").textContent()).toBe("Owner");
      await ana.getByTestId("invite-role").selectOption("editor");
      await ana.getByTestId("invite-create").click();
      inviteLink = await ana.getByTestId("invite-link").inputValue();
      expect(inviteLink).toMatch(/\/invite#.{20,}$/);
      await ana.getByTestId("invite").filter({ hasText: "Editor" }).waitFor();
      await checkScreen(ana, "team");
    });

    await onFailure(ben, async () => {
      // Signed out: the sign-in screen, then "create an account", and back to the invite once signed up.
      await ben.goto(inviteLink.replace(/^https?:\/\/[^/]+/, running.stack.appUrl));
      await ben.getByTestId("goto-signup").click();
      await signUp(ben, BEN);
      await ben.waitForURL(/\/invite$/);
      const preview = ben.getByTestId("invite-preview");
      await preview.waitFor();
      expect(await preview.textContent()).toBe(`You are invited to ana-${stamp}'s workspace as Editor.`);
      await checkScreen(ben, "invite");
      await ben.getByTestId("invite-accept").click();
      await ben.waitForURL(url("/"));
      await ben
        .getByTestId("workspace-switcher")
        .filter({ hasText: `ana-${stamp}'s workspace` })
        .waitFor();
    });
  }, 180_000);

  it("switches between the workspaces a person is in, from the header", async () => {
    await onFailure(ben, async () => {
      await ben.getByTestId("workspace-switcher").click();
      await ben
        .getByTestId("workspace-option")
        .filter({ hasText: `ben-${stamp}'s workspace` })
        .waitFor();
      expect(await ben.getByTestId("workspace-option").count()).toBe(2);
      await checkScreen(ben, "workspace-switcher");
      await ben
        .getByTestId("workspace-option")
        .filter({ hasText: `ben-${stamp}'s workspace` })
        .click();
      await ben
        .getByTestId("workspace-switcher")
        .filter({ hasText: `ben-${stamp}'s workspace` })
        .waitFor();
      const me = await (await ben.request.get(url("/api/me"))).json();
      expect(me.workspace).toMatchObject({ name: `ben-${stamp}'s workspace`, role: "owner" });

      await ben.getByTestId("workspace-switcher").click();
      await ben
        .getByTestId("workspace-option")
        .filter({ hasText: `ana-${stamp}'s workspace` })
        .click();
      await ben
        .getByTestId("workspace-switcher")
        .filter({ hasText: `ana-${stamp}'s workspace` })
        .waitFor();
      // An editor sees the team but cannot change it.
      await ben.goto(url("/team"));
      await ben.getByTestId("member").filter({ hasText: ANA }).waitFor();
      expect(await ben.getByTestId("member-role").count()).toBe(0);
      expect(await ben.getByTestId("invites").count()).toBe(0);
    });

    await onFailure(ana, async () => {
      await ana.goto(url("/team"));
      const row = ana.getByTestId("member").filter({ hasText: BEN });
      expect(await row.getByTestId("member-role").inputValue()).toBe("editor");
    });
  }, 120_000);

  it("makes an API token, shows it once, and revokes it; the audit log says so in words", async () => {
    await onFailure(ana, async () => {
      await ana.goto(url("/security"));
      await ana.getByTestId("session").first().waitFor();
      expect(await ana.locator('[data-testid="session"][data-current="true"]').count()).toBe(1);
      await ana.getByTestId("token-name").fill("ci");
      await ana.getByTestId("token-role").selectOption("viewer");
      await ana.getByTestId("token-create").click();
      const secret = await ana.getByTestId("token-secret").inputValue();
      await ana.getByTestId("token").filter({ hasText: "ci" }).waitFor();
      expect(await ana.getByTestId("token").textContent()).toContain("Viewer");
      await checkScreen(ana, "security");

      const asToken = () => fetch(url("/api/me"), { headers: { authorization: `Bearer ${secret}` } });
      expect((await asToken()).status).toBe(200);
      await ana.getByTestId("token-secret-done").click();
      expect(await ana.getByTestId("token-secret").count()).toBe(0);
      await ana.getByTestId("token-revoke").click();
      await ana.getByTestId("tokens").getByText("No API tokens.").waitFor();
      expect((await asToken()).status).toBe(401);

      await ana.goto(url("/team"));
      await ana.getByTestId("goto-audit").click();
      await ana.getByTestId("audit-event").first().waitFor();
      const words = await ana.getByTestId("audit-list").textContent();
      expect(words).toContain(`${ANA} created the API token “ci”`);
      expect(words).toContain(`${ANA} revoked an API token`);
      expect(words).toContain(`${BEN} joined as Editor`);
      expect(words).toContain(`${ANA} created an invite for Editor`);
      expect(await ana.getByTestId("audit-event").first().getAttribute("data-action")).toBe("token.revoke");
      await checkScreen(ana, "audit");
    });
  }, 120_000);

  it("holds an editor's post for approval when the workspace asks, and an admin approves it", async () => {
    await onFailure(ana, async () => {
      await ana.goto(url("/home"));
      await ana.getByTestId("connect-tiktok").click();
      await ana.waitForURL(`${running.stack.emulatorUrl}/v2/auth/authorize/**`);
      await ana.locator('input[name="username"]').fill(CREATOR);
      await ana.getByRole("button", { name: "Authorize" }).click();
      const account = ana.getByTestId("account-item");
      await account.waitFor();
      const accountId = (await account.getAttribute("data-account-id"))!;
      const videoId = await uploadViaApi(ana, running.stack);

      await ana.goto(url("/team"));
      await ana.getByTestId("require-approval").check();
      await ana.getByTestId("toast").filter({ hasText: "need an admin's approval" }).waitFor();

      const post = await api(ben, running.stack, "POST", "/api/posts", {
        accountId,
        videoId,
        caption: "Waiting for Ana",
        privacyLevel: "SELF_ONLY",
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        timezone: "UTC",
      });
      expect(post.post.status).toBe("pending_approval");

      await ben.goto(url(`/posts/${post.post.id}`));
      await ben.getByTestId("approval").waitFor();
      expect(await ben.getByTestId("approve").count()).toBe(0);

      await ana.goto(url(`/posts/${post.post.id}`));
      await ana.getByTestId("approve").waitFor();
      await checkScreen(ana, "approval");
      await ana.getByTestId("approve").click();
      await ana.locator('[data-testid="post-detail"][data-status="scheduled"]').waitFor();
      expect(await ana.getByTestId("approval").count()).toBe(0);
    });
  }, 180_000);
});
