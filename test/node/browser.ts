// Chromium for the browser tests: CHROMIUM_PATH, else /usr/bin/chromium, else the build shipped in the npm package
// @sparticuz/chromium (with its own NSS libraries and a font), extracted once per version under node_modules/.cache.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Sparticuz, { inflate } from "@sparticuz/chromium";
import { type Browser, chromium } from "playwright-core";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PACKAGE = path.join(ROOT, "node_modules/@sparticuz/chromium");
// The package's own args are for AWS Lambda (--single-process, --no-zygote, --disable-web-security…): not needed
// here, and the last would hide CORS bugs from the tests.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launchChromium(): Promise<Browser> {
  const installed = process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : null);
  if (installed) return chromium.launch({ executablePath: installed, args: ARGS });
  const dir = await extractPackagedChromium();
  return chromium.launch({
    executablePath: path.join(dir, "chromium"),
    args: ARGS,
    // Its libnss3 & co. so it also starts where they are not installed; the system's fonts plus its Open Sans.
    env: { ...process.env, LD_LIBRARY_PATH: path.join(dir, "al2023/lib"), FONTCONFIG_FILE: path.join(dir, "fonts.conf") },
  });
}

/** The extracted browser's directory; parallel test files race to create it, the first rename wins. */
async function extractPackagedChromium(): Promise<string> {
  const version = (JSON.parse(readFileSync(path.join(PACKAGE, "package.json"), "utf8")) as { version: string }).version;
  const dir = path.join(ROOT, "node_modules/.cache/sparticuz-chromium", version);
  if (existsSync(path.join(dir, "fonts.conf"))) return dir;
  const staging = `${dir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The package extracts into os.tmpdir() (a shared /tmp/chromium otherwise), which it reads synchronously on each
  // call: point TMPDIR at our staging directory just for those calls.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  let extraction: Promise<unknown>;
  try {
    extraction = Promise.all([Sparticuz.executablePath(path.join(PACKAGE, "bin")), inflate(path.join(PACKAGE, "bin/al2023.tar.br"))]);
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  await extraction;
  const fontsConf = `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${path.join(dir, "fonts/fonts")}</dir>\n</fontconfig>\n`;
  writeFileSync(path.join(staging, "fonts.conf"), fontsConf);
  try {
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(dir, "fonts.conf"))) throw error;
  }
  return dir;
}
