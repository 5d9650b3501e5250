// PULL_FROM_URL: the emulator really downloads video_url (no redirects), hashing and sniffing as it streams.

import type { Hash } from "node:crypto";
import { createHash } from "node:crypto";
import type { Emulator } from "../core/emulator.ts";
import { faultValue } from "../core/faults.ts";
import type { Publish } from "../core/types.ts";
import { MediaSniffer } from "../uploads/media-sniffer.ts";
import { markFailed, startProcessing } from "./lifecycle.ts";

/** Verified entries: a URL prefix (`https://host/path/`) matches by exact prefix; a bare domain covers its subdomains (§3.6). */
export function isVerifiedUrl(url: string, verified: string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return verified.some((v) => {
    if (v.includes("://")) return url.startsWith(v);
    return u.protocol === "https:" && (u.hostname === v || u.hostname.endsWith(`.${v}`));
  });
}

export function startPull(emu: Emulator, p: Publish): void {
  void runPull(emu, p);
}

async function runPull(emu: Emulator, p: Publish): Promise<void> {
  const pull = p.pull;
  if (!pull) return;
  const media = new MediaSniffer();
  const hash = createHash("sha256");
  const signal = AbortSignal.any([pull.abort.signal, AbortSignal.timeout(emu.options.pullTimeoutMs)]);
  try {
    // neverComplete holds a pull in its download (PROCESSING_DOWNLOAD, still cancellable) until cleared.
    while (faultValue(emu, p.openId, "neverComplete") && !signal.aborted) await new Promise((r) => setTimeout(r, 50));
    signal.throwIfAborted();
    // Any 3xx fails the pull: TikTok does not follow redirects (§3.6).
    const res = await fetch(pull.url, { redirect: "manual", signal });
    if (res.status < 200 || res.status > 299 || !res.body) {
      await res.body?.cancel();
      pull.running = false;
      return markFailed(emu, p, "video_pull_failed");
    }
    const reader = res.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      media.feed(r.value);
      hash.update(r.value);
      p.downloadedBytes += r.value.byteLength;
    }
  } catch {
    pull.running = false;
    // A cancelled pull is failed by the cancel endpoint with publish_cancelled.
    if (!pull.cancelled) markFailed(emu, p, "video_pull_failed");
    return;
  }
  pull.running = false;
  if (!pull.cancelled) downloaded(emu, p, hash, media);
}

/** The whole file arrived: it joins the ledger's uploads (chunks: 0), then processing starts. */
function downloaded(emu: Emulator, p: Publish, hash: Hash, media: MediaSniffer): void {
  emu.state.ledger.uploads.push({
    publish_id: p.publishId,
    open_id: p.openId,
    bytes: p.downloadedBytes,
    sha256: hash.digest("hex"),
    chunks: 0,
    completedAt: emu.now(),
  });
  startProcessing(emu, p, media);
}
