// PULL_FROM_URL against `wrangler dev` + the emulator (the emulator really downloads from the Worker's signed
// media URL, so this needs a Worker listening on a port): verified domain → pull; unverified → FILE_UPLOAD;
// a pull stuck downloading → cancelled, confirmed, then FILE_UPLOAD — and never two posts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../scripts/stack.ts";
import { startTestStack, type TestStack, VIDEO } from "./harness.ts";

const VIDEO_BYTES = readFileSync(VIDEO);
const VIDEO_SHA = createHash("sha256").update(VIDEO_BYTES).digest("hex");

let stack: Stack;
let running: TestStack;

class Api {
  cookie = "";
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }
  async call(pathname: string, method = "GET", body?: unknown, raw?: Uint8Array) {
    const headers: Record<string, string> = { origin: this.base, cookie: this.cookie };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${this.base}${pathname}`, {
      method,
      headers,
      body: raw ? new Blob([new Uint8Array(raw)]) : body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    return res;
  }
  async json(pathname: string, method = "GET", body?: unknown) {
    const res = await this.call(pathname, method, body);
    return { status: res.status, body: (await res.json()) as any };
  }
}

const emu = async (pathname: string, method = "GET", body?: unknown) => {
  const res = await fetch(`${stack.emulatorUrl}${pathname}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json() as Promise<any>;
};

/** The probe runs on the media queue after `complete` (a real queue here): the video's status once it is judged. */
async function verdict(api: Api, videoId: string) {
  for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((r) => setTimeout(r, 100))) {
    const { status } = (await api.json(`/api/videos/${videoId}`)).body.video;
    if (status !== "processing") return status as string;
  }
  return "processing";
}

async function creator(username: string) {
  const api = new Api(stack.appUrl);
  expect((await api.json("/api/auth/signup", "POST", { email: `${username}@example.com`, password: "correct horse battery" })).status).toBe(
    201,
  );
  const authorize = new URL((await api.call("/api/accounts/tiktok/connect")).headers.get("location")!);
  authorize.searchParams.set("emu_auto", "approve");
  authorize.searchParams.set("emu_username", username);
  const callback = new URL((await fetch(authorize, { redirect: "manual" })).headers.get("location")!);
  const back = new URL((await api.call(callback.pathname + callback.search)).headers.get("location")!, stack.appUrl);
  const accountId = back.searchParams.get("connected")!;
  const video = (await api.json("/api/videos", "POST", { filename: "clip.mp4", size: VIDEO_BYTES.byteLength, contentType: "video/mp4" }))
    .body.video;
  expect((await api.call(`/api/videos/${video.id}/parts/1`, "PUT", undefined, VIDEO_BYTES)).status).toBe(200);
  expect((await api.json(`/api/videos/${video.id}/complete`, "POST", {})).status).toBe(200);
  expect(await verdict(api, video.id)).toBe("ready");
  const { open_id } = await emu(`/__emu/users/${username}`);
  return { api, accountId, videoId: video.id as string, openId: open_id as string };
}

async function publish(api: Api, accountId: string, videoId: string) {
  const scheduledAt = new Date(Date.now() + 1500).toISOString();
  const created = await api.json("/api/posts", "POST", {
    accountId,
    videoId,
    caption: "pulled",
    privacyLevel: "SELF_ONLY",
    scheduledAt,
    timezone: "UTC",
    mode: "direct",
  });
  expect(created.status).toBe(201);
  return created.body.post.id as string;
}

async function settled(api: Api, postId: string) {
  for (let i = 0; i < 200; i++) {
    const { body } = await api.json(`/api/posts/${postId}`);
    if (!["scheduled", "queued", "publishing"].includes(body.post.status)) return body;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`post ${postId} did not settle`);
}

beforeAll(async () => {
  running = await startTestStack("pull", {
    emulatorOptions: { processingDelayMs: 200, moderationDelayMs: 200 },
    vars: (appUrl) => ({ MEDIA_BASE_URL: appUrl, PULL_STALL_MS: "2000" }),
  });
  stack = running.stack;
}, 240_000);

afterAll(async () => {
  await running?.stop();
}, 60_000);

describe("PULL_FROM_URL", () => {
  it("lets TikTok pull the video from a signed URL on the verified domain", async () => {
    await emu("/__emu/config", "PATCH", { verifiedUrlPrefixes: [`${stack.appUrl}/api/media/`] });
    const { api, accountId, videoId, openId } = await creator("pull.verified");
    const done = await settled(api, await publish(api, accountId, videoId));
    expect(done.post.status).toBe("published");
    expect(done.post.mediaSource).toBe("PULL_FROM_URL");
    const ledger = await emu(`/__emu/record?openId=${openId}`);
    expect(ledger.inits.map((i: any) => i.source)).toEqual(["PULL_FROM_URL"]);
    expect(ledger.uploads[0].sha256).toBe(VIDEO_SHA);
    // The signed URL is useless once tampered with.
    const url = new URL(ledger.inits[0].source_info.video_url);
    url.searchParams.set("sig", "0".repeat(64));
    expect((await fetch(url)).status).toBe(403);
  });

  it("falls back to FILE_UPLOAD when TikTok cannot verify the media URL", async () => {
    await emu("/__emu/config", "PATCH", { verifiedUrlPrefixes: [] });
    const { api, accountId, videoId, openId } = await creator("pull.unverified");
    const done = await settled(api, await publish(api, accountId, videoId));
    expect(done.post.status).toBe("published");
    expect(done.post.mediaSource).toBe("FILE_UPLOAD");
    expect(done.events.map((e: any) => e.type)).toContain("source_fallback");
    const ledger = await emu(`/__emu/record?openId=${openId}`);
    expect(ledger.inits.map((i: any) => i.source)).toEqual(["FILE_UPLOAD"]);
    expect(ledger.rejectedInits.map((r: any) => r.code)).toEqual(["url_ownership_unverified"]);
    expect(ledger.uploads[0].sha256).toBe(VIDEO_SHA);
  });

  it("cancels a pull stuck downloading, waits for TikTok to confirm, then uploads the file — one post only", async () => {
    await emu("/__emu/config", "PATCH", { verifiedUrlPrefixes: [`${stack.appUrl}/api/media/`] });
    const { api, accountId, videoId, openId } = await creator("pull.stalled");
    await emu("/__emu/faults", "PUT", { openId, neverComplete: true });
    const postId = await publish(api, accountId, videoId);
    for (let i = 0; i < 100; i++) {
      const { body } = await api.json(`/api/posts/${postId}`);
      if (body.events.some((e: any) => e.type === "pull_cancelled")) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    await emu(`/__emu/faults?openId=${openId}`, "DELETE");
    const done = await settled(api, postId);
    expect(done.post.status, JSON.stringify(done.events.map((e: any) => `${e.type}: ${e.message}`))).toBe("published");
    expect(done.post.mediaSource).toBe("FILE_UPLOAD");
    const ledger = await emu(`/__emu/record?openId=${openId}`);
    expect(ledger.inits.map((i: any) => i.source)).toEqual(["PULL_FROM_URL", "FILE_UPLOAD"]);
    const outcomes = ledger.publishes.map((p: any) => [p.status, p.fail_reason ?? null]);
    expect(outcomes).toEqual([
      ["FAILED", "publish_cancelled"],
      ["PUBLISH_COMPLETE", null],
    ]);
  });
});
