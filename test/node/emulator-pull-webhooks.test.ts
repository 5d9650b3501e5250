// PULL_FROM_URL downloads from a verified prefix, and signed webhooks a receiver can verify (§7).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index.ts";
import { startEmulator } from "../../emulator/index.ts";
import type { Connected } from "../../emulator/testing.ts";
import { api, connect, control, record, waitFor } from "../../emulator/testing.ts";

const fixture = readFileSync(new URL("../fixtures/sample-3s.mp4", import.meta.url));
const SECRET = "local-client-secret";

interface Hook {
  raw: string;
  signature: string;
}
const hooks: Hook[] = [];
let hookStatus = 200;
let origin: Server;
let originUrl: string;
let emu: RunningEmulator;
let base: string;
let jane: Connected;

/** Serves the fixture, a redirect and a slow endless body; also receives webhooks at /hook. */
function startOrigin(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === "/hook") {
      let raw = "";
      req.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      req.on("end", () => {
        hooks.push({ raw, signature: String(req.headers["tiktok-signature"] ?? "") });
        res.writeHead(hookStatus).end();
      });
      return;
    }
    if (req.url?.startsWith("/media/video.mp4")) return void res.writeHead(200, { "Content-Type": "video/mp4" }).end(fixture);
    if (req.url === "/media/moved.mp4") return void res.writeHead(302, { Location: "/media/video.mp4" }).end();
    if (req.url === "/media/slow.mp4") {
      res.writeHead(200, { "Content-Type": "video/mp4" });
      const timer = setInterval(() => res.write(Buffer.alloc(1024)), 20);
      res.on("close", () => clearInterval(timer));
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The verification recipe from tiktok-api.md §7, in Node terms. */
function verify(raw: string, header: string, secret: string, now = Date.now() / 1000): boolean {
  const kv = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2)));
  if (!kv.t || !kv.s || Math.abs(now - Number(kv.t)) > 300) return false;
  const hex = createHmac("sha256", secret).update(`${kv.t}.${raw}`).digest("hex");
  return hex.length === kv.s.length && timingSafeEqual(Buffer.from(hex), Buffer.from(kv.s));
}

beforeAll(async () => {
  origin = await startOrigin();
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  emu = await startEmulator({ port: 0, processingDelayMs: 30, moderationDelayMs: 30 });
  base = emu.url;
});
afterAll(async () => {
  await emu.close();
  origin.closeAllConnections();
  await new Promise((r) => origin.close(r));
});
beforeEach(async () => {
  hooks.length = 0;
  hookStatus = 200;
  await control(base, "POST", "/reset");
  await control(base, "PATCH", "/config", {
    verifiedUrlPrefixes: [`${originUrl}/media/`],
    webhookUrl: `${originUrl}/hook`,
    webhookDuplicates: 0,
    webhookMaxAttempts: 3,
    webhookRetryDelayMs: 20,
    webhookReorder: false,
    webhookDelayMs: 0,
  });
  jane = await connect(base, "jane");
});

const pullInit = (videoUrl: string, privacy = "PUBLIC_TO_EVERYONE") =>
  api(base, jane.accessToken, "/v2/post/publish/video/init/", {
    post_info: { privacy_level: privacy, brand_content_toggle: false },
    source_info: { source: "PULL_FROM_URL", video_url: videoUrl },
  });
/** Hooks for one publish: deliveries from an earlier test may still land after beforeEach. */
const hooksFor = (publishId: string) =>
  hooks.filter((h) => (JSON.parse((JSON.parse(h.raw) as { content: string }).content) as { publish_id?: string }).publish_id === publishId);
const status = async (publishId: string) =>
  (await api(base, jane.accessToken, "/v2/post/publish/status/fetch/", { publish_id: publishId })).body.data;
const finalStatus = (publishId: string) =>
  waitFor(async () => {
    const d = await status(publishId);
    return d.status === "PUBLISH_COMPLETE" || d.status === "FAILED" ? d : null;
  });

describe("PULL_FROM_URL", () => {
  it("downloads from a verified prefix and completes with the exact bytes", async () => {
    const res = await pullInit(`${originUrl}/media/video.mp4?sig=abc`);
    expect(res.body.data).toEqual({ publish_id: expect.stringMatching(/^v_pub_url~v2\.\d+$/) });
    const d = await finalStatus(String(res.body.data.publish_id));
    expect(d).toMatchObject({ status: "PUBLISH_COMPLETE", downloaded_bytes: fixture.length });
    const rec = await record(base, jane.openId);
    expect(rec.uploads[0].sha256).toBe(createHash("sha256").update(fixture).digest("hex"));
  });

  it("refuses URLs outside the verified prefixes with 403 url_ownership_unverified", async () => {
    const res = await pullInit(`${originUrl}/elsewhere/video.mp4`);
    expect([res.status, res.body.error.code]).toEqual([403, "url_ownership_unverified"]);
    expect((await record(base)).inits).toHaveLength(0);
  });

  it("fails the pull on any redirect", async () => {
    const res = await pullInit(`${originUrl}/media/moved.mp4`);
    expect(await finalStatus(String(res.body.data.publish_id))).toMatchObject({ status: "FAILED", fail_reason: "video_pull_failed" });
  });

  it("cancels a running download, which then reports publish_cancelled", async () => {
    const res = await pullInit(`${originUrl}/media/slow.mp4`);
    const publishId = String(res.body.data.publish_id);
    await waitFor(async () => Number((await status(publishId)).downloaded_bytes) > 0);
    const cancel = await api(base, jane.accessToken, "/v2/post/publish/cancel/", { publish_id: publishId });
    expect(cancel.body.error.code).toBe("ok");
    expect(await finalStatus(publishId)).toMatchObject({ status: "FAILED", fail_reason: "publish_cancelled" });
    const again = await api(base, jane.accessToken, "/v2/post/publish/cancel/", { publish_id: publishId });
    expect(again.body.error.code).toBe("publish_not_cancellable");
  });
});

describe("webhooks", () => {
  it("signs each event so the receiver can verify it, with content as a JSON string", async () => {
    const res = await pullInit(`${originUrl}/media/video.mp4`);
    const publishId = String(res.body.data.publish_id);
    const mine = await waitFor(async () => (hooksFor(publishId).length >= 2 ? hooksFor(publishId) : null));
    const events = mine.map((h) => JSON.parse(h.raw) as { event: string; content: string; user_openid: string; client_key: string });
    events.sort((a, b) => a.event.localeCompare(b.event)); // delivery order is not guaranteed (§7)
    expect(events.map((e) => e.event)).toEqual(["post.publish.complete", "post.publish.publicly_available"]);
    for (const h of mine) expect(verify(h.raw, h.signature, SECRET)).toBe(true);
    expect(verify(mine[0].raw, mine[0].signature, "wrong-secret")).toBe(false);
    const content = JSON.parse(events[1].content) as Record<string, string>;
    expect(content).toMatchObject({ publish_id: publishId, publish_type: "DIRECT_PUBLISH" });
    expect(content.post_id).toMatch(/^\d{19}$/);
    expect(events[0]).toMatchObject({ client_key: "local-client-key", user_openid: jane.openId });
  });

  it("can deliver events out of order", async () => {
    await control(base, "PATCH", "/config", { webhookReorder: true, webhookDelayMs: 300 });
    const res = await pullInit(`${originUrl}/media/video.mp4`);
    const publishId = String(res.body.data.publish_id);
    const mine = await waitFor(async () => (hooksFor(publishId).length >= 2 ? hooksFor(publishId) : null));
    const events = mine.map((h) => (JSON.parse(h.raw) as { event: string }).event);
    expect(events).toEqual(["post.publish.publicly_available", "post.publish.complete"]);
  });

  it("retries non-200 answers and can send duplicates", async () => {
    hookStatus = 503;
    await control(base, "PATCH", "/config", { webhookDuplicates: 1, webhookMaxAttempts: 2 });
    const res = await pullInit(`${originUrl}/media/video.mp4`, "SELF_ONLY");
    await waitFor(async () => hooksFor(String(res.body.data.publish_id)).length >= 4); // 2 copies × 2 attempts
    const rec = await waitFor(async () => {
      const r = await record(base, jane.openId);
      return r.webhooks.every((w) => w.attempts === 2 && w.status === 503) ? r : null;
    });
    expect(rec.webhooks).toMatchObject([
      { event: "post.publish.complete", attempts: 2, status: 503 },
      { event: "post.publish.complete", attempts: 2, status: 503 },
    ]);
  });
});
