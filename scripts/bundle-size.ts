// First-load JavaScript of the built web app: every script index.html loads or preloads, gzipped as Vite reports it
// (level 9). Printed by `npm run build`; test/node/bundle-size.test.ts holds it to the budget.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Issue 13's budget for what a first visit downloads before the app runs (kB as Vite prints them: 1000 bytes). */
export const FIRST_LOAD_BUDGET_BYTES = 100_000;

export function firstLoadJs(distDir: string): { files: { file: string; gzipBytes: number }[]; gzipBytes: number } {
  const html = readFileSync(path.join(distDir, "index.html"), "utf8");
  const sources = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(sources)].map((src) => ({
    file: src,
    gzipBytes: gzipSync(readFileSync(path.join(distDir, src.replace(/^\//, ""))), { level: 9 }).byteLength,
  }));
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
