// The web app under its security headers (issue 16): the static assets carry the strict CSP from web/public/_headers
// (as `wrangler dev` serves them, like production), the API its own, and the app still works in Chromium with no
// Content-Security-Policy violation: sign up, the dashboard, the composer.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, SCREENSHOTS, startTestStack, type TestStack } from "./harness.ts";

let running: TestStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  running = await startTestStack("security");
  ({ browser, page } = await launchChromium());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
}, 60_000);

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
];

describe("security headers as served", () => {
  it("puts the strict CSP, HSTS, nosniff, Referrer-Policy and COOP on the HTML, the assets and the SPA fallback", async () => {
    const base = running.stack.appUrl;
    const html = await fetch(`${base}/`);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await html.text())![1]!;
    for (const url of [`${base}/`, `${base}${script}`, `${base}/posts/some-spa-route`]) {
      const res = await fetch(url);
      await res.arrayBuffer();
      expect(res.status, url).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      for (const directive of DIRECTIVES) expect(csp, `${url}: ${directive}`).toContain(directive);
      expect(csp, url).not.toMatch(/unsafe-(inline|eval)/);
      expect(res.headers.get("strict-transport-security"), url).toBe("max-age=31536000; includeSubDomains");
      expect(res.headers.get("x-content-type-options"), url).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), url).toBe("no-referrer");
      expect(res.headers.get("cross-origin-opener-policy"), url).toBe("same-origin");
    }
    const api = await fetch(`${base}/api/health/live`);
    expect(api.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("loads and runs the app in Chromium without a single CSP violation", async () => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`),
      );
    });
    const byId = (id: string) => page.getByTestId(id);
    await page.goto(`${running.stack.appUrl}/signup`);
    await byId("signup-email").fill(`csp-${Date.now()}@example.com`);
    await byId("signup-password").fill("correct horse battery staple");
    await byId("signup-submit").click();
    await byId("connect-tiktok").waitFor();
    await page.goto(`${running.stack.appUrl}/posts/new`);
    await page.waitForLoadState("networkidle");
    mkdirSync(path.join(SCREENSHOTS, "screenshots"), { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "screenshots", "browser-security-csp.png"), fullPage: true });
    expect(violations).toEqual([]);
  }, 120_000);
});
