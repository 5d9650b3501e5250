// What every browser journey does on each screen it reaches: axe-core (from npm, evaluated in the page) with the
// WCAG 2.1 A/AA rules, light and dark, failing on any serious or critical violation; and full-page screenshots at
// 1280 and 390 px under test-results/screenshots/ (looked at by a person; not committed).
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { ROOT } from "./harness.ts";

export const SHOTS = path.join(ROOT, "test-results/screenshots");
/** One log per journey (test files run in parallel), started afresh by startAxeLog. */
let axeLog = path.join(ROOT, "test-results/axe/unnamed.jsonl");
export function startAxeLog(journey: string) {
  axeLog = path.join(ROOT, `test-results/axe/${journey}.jsonl`);
  mkdirSync(path.dirname(axeLog), { recursive: true });
  writeFileSync(axeLog, "");
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/**
 * Runs axe on the page as it is. Evaluated through the DevTools protocol rather than a <script> tag, so the app's
 * strict CSP (script-src 'self') does not stop it.
 */
export async function axe(page: Page, screen: string, scheme: "light" | "dark" = "light"): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }
    ).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  mkdirSync(path.dirname(axeLog), { recursive: true });
  const counts = Object.fromEntries(
    ["critical", "serious", "moderate", "minor"].map((i) => [i, violations.filter((v) => v.impact === i).length]),
  );
  appendFileSync(axeLog, `${JSON.stringify({ screen, scheme, counts, rules: violations.map((v) => `${v.impact}:${v.id}`) })}\n`);
  return violations;
}

/** axe in light and dark: no serious or critical violation (details in the failure message). */
export async function expectAccessible(page: Page, screen: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const bad = (await axe(page, screen, scheme)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      bad.map((v) => `${v.impact} ${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `${screen} (${scheme})`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Nothing wider than the viewport (a phone must not scroll sideways; wide tables scroll inside themselves). */
async function expectNoSideScroll(page: Page, screen: string, width: number) {
  await page.setViewportSize({ width, height: 844 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${screen} at ${width} px scrolls sideways`).toBeLessThanOrEqual(width);
}

/** Full-page screenshots at 1280 and 390 px wide, then back to 1280. Toasts (fixed, short-lived) are hidden unless asked. */
export async function screenshots(page: Page, screen: string, options: { toasts?: boolean } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  // Through the CSSOM, which the app's CSP allows (a <style> tag would be refused).
  await page.evaluate(
    (show) => document.querySelector<HTMLElement>(".toaster")?.style.setProperty("visibility", show ? "visible" : "hidden"),
    options.toasts ?? false,
  );
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    // From the top: sticky parts (the header, the composer's preview) are drawn where the scroll leaves them.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: path.join(SHOTS, `${screen}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => document.querySelector<HTMLElement>(".toaster")?.style.removeProperty("visibility"));
}

/** Both, for a screen the journey has reached. */
export async function checkScreen(page: Page, screen: string, options: { toasts?: boolean } = {}) {
  await expectAccessible(page, screen);
  await expectNoSideScroll(page, screen, 375);
  await screenshots(page, screen, options);
}
