// Drives the Worker the way the web app does (cookies, Origin) and the emulator through its control API.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { inject } from "vitest";
import worker from "../../src/index";
import { syntheticMp4 } from "../fixtures/synthetic-mp4";

export const ORIGIN = "http://localhost:8787";
export const emulatorUrl = () => inject("emulatorUrl");

export type Fetcher = (request: Request) => Promise<Response>;

let addresses = 0;
/** A distinct client address per simulated client (CF-Connecting-IP), so per-address throttles see separate people. */
const nextAddress = () => {
  addresses += 1;
  return `198.51.${Math.floor(addresses / 250) % 250}.${(addresses % 250) + 1}`;
};

export class Client {
  cookie = "";
  /** An API token: sent as `Authorization: Bearer` (a script's way in; no idle timeout, unlike a session). */
  token = "";
  /** How this client signed up, so it can sign in again after its session ended. */
  credentials: { email: string; password: string } | null = null;
  /** This client's address as Cloudflare would report it. */
  address = nextAddress();
  /** The Worker this client talks to: the deployed one on the system clock, or a test's own (world.ts). */
  private readonly worker: Fetcher;

  constructor(worker: Fetcher = (request) => exports.default.fetch(request)) {
    this.worker = worker;
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    // An explicit empty Authorization opts out of the token (a browser-only step such as connecting).
    if (headers.get("authorization") === "") headers.delete("authorization");
    else if (this.token && !headers.has("authorization")) headers.set("authorization", `Bearer ${this.token}`);
    if (!headers.has("origin")) headers.set("origin", ORIGIN);
    if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", this.address);
    const response = await this.worker(new Request(`${ORIGIN}${path}`, { ...init, headers, redirect: "manual" }));
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) {
      const pair = setCookie.split(";")[0]!;
      // A cleared cookie (logout, deleted account) leaves the jar empty.
      this.cookie = /=$/.test(pair) ? "" : pair;
    }
    return response;
  }

  async json<T = any>(path: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<{ status: number; body: T }> {
    const response = await this.fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
}

let counter = 0;
export const unique = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function signedUpClient(worker?: Fetcher) {
  const client = new Client(worker);
  client.credentials = { email: `${unique("u")}@example.com`, password: "correct horse battery" };
  const { status } = await client.json("/api/auth/signup", client.credentials);
  if (status !== 201) throw new Error(`signup failed: ${status}`);
  return client;
}

/** Signs the client in again (its session ended: idle for 30 minutes of a driven clock). */
export async function signInAgain(client: Client) {
  const token = client.token;
  client.token = "";
  const { status } = await client.json("/api/auth/login", client.credentials);
  client.token = token;
  if (status !== 200) throw new Error(`sign-in failed: ${status}`);
}

/**
 * A signed-up client that then talks through an API token, as a script would: for driven tests that move the clock
 * by days, past a browser session's 30-minute idle timeout. (The connect flow still uses the session cookie.)
 */
export async function signedUpWithToken(worker?: Fetcher) {
  const client = await signedUpClient(worker);
  const { status, body } = await client.json("/api/tokens", { name: "driven test" });
  if (status !== 201) throw new Error(`token failed: ${status} ${JSON.stringify(body)}`);
  client.token = body.token;
  return client;
}

/** Runs the whole OAuth connect flow against the emulator (non-interactive consent). */
export async function connectAccount(client: Client, username = unique("cr")) {
  // Connecting is a browser's flow (the OAuth state is bound to the session): never through an API token.
  const token = client.token;
  client.token = "";
  try {
    return await connectWithSession(client, username);
  } finally {
    client.token = token;
  }
}

async function connectWithSession(client: Client, username: string) {
  const start = await client.fetch("/api/accounts/tiktok/connect");
  const authorize = new URL(start.headers.get("location")!);
  authorize.searchParams.set("emu_auto", "approve");
  authorize.searchParams.set("emu_username", username);
  const consent = await fetch(authorize, { redirect: "manual" });
  const callback = new URL(consent.headers.get("location")!);
  const back = await client.fetch(callback.pathname + callback.search);
  const location = new URL(back.headers.get("location")!, ORIGIN);
  const accountId = location.searchParams.get("connected");
  if (!accountId) throw new Error(`connect failed: ${location.search}`);
  const user = await emu(`/__emu/users/${username}`);
  return { accountId, username, openId: user.open_id as string };
}

export async function uploadVideo(client: Client, bytes: Uint8Array = syntheticMp4(200_000, 3)) {
  const created = await client.json("/api/videos", { filename: "clip.mp4", size: bytes.byteLength, contentType: "video/mp4" });
  const video = created.body.video;
  for (let n = 1; n <= video.partCount; n++) {
    const part = bytes.slice((n - 1) * video.partSize, Math.min(n * video.partSize, bytes.byteLength));
    const res = await client.fetch(`/api/videos/${video.id}/parts/${n}`, {
      method: "PUT",
      body: part,
      headers: { "content-length": String(part.byteLength) },
    });
    if (res.status !== 200) throw new Error(`part ${n} failed: ${res.status} ${await res.text()}`);
  }
  const done = await client.json(`/api/videos/${video.id}/complete`, {});
  if (done.status !== 200) throw new Error(`complete failed: ${JSON.stringify(done.body)}`);
  await probeNow(video.id);
  return { videoId: video.id as string, bytes };
}

/**
 * Runs the media queue's consumer for one video, as Cloudflare Queues would deliver `complete`'s message. (In the
 * Worker tests MEDIA_QUEUE sends to a queue nobody consumes, see vitest.config.ts: tests deliver it themselves.)
 */
export async function probeNow(videoId: string) {
  const batch = createMessageBatch("postflare-media", [
    { id: `probe-${videoId}-${counter++}`, timestamp: new Date(), attempts: 1, body: { kind: "probe", videoId } },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

export async function emu(path: string, method = "GET", body?: unknown) {
  const res = await fetch(`${emulatorUrl()}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

export const emuRecord = (openId: string) => emu(`/__emu/record?openId=${encodeURIComponent(openId)}`);

export async function sha256Hex(bytes: Uint8Array) {
  return [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export { env };

export const inSeconds = (s: number) => new Date(Math.ceil((Date.now() + s * 1000) / 1000) * 1000).toISOString();

export async function schedulePost(client: Client, accountId: string, videoId: string, overrides: Record<string, unknown> = {}) {
  const { status, body } = await client.json("/api/posts", {
    accountId,
    videoId,
    caption: "Hello TikTok",
    privacyLevel: "SELF_ONLY",
    scheduledAt: inSeconds(2),
    timezone: "UTC",
    mode: "direct",
    ...overrides,
  });
  if (status !== 201) throw new Error(`schedule failed: ${status} ${JSON.stringify(body)}`);
  return body.post as { id: string; status: string; version: number; scheduledAt: string };
}

const FINAL = ["published", "sent_to_inbox", "failed", "cancelled", "missed", "unconfirmed"];

/** Waits until the post reaches a final state (the real queue, Durable Object alarm and emulator run meanwhile). */
export async function settled(client: Client, postId: string, timeout = 30_000) {
  const { vi } = await import("vitest");
  return vi.waitFor(
    async () => {
      const { body } = await client.json(`/api/posts/${postId}`);
      if (!FINAL.includes(body.post.status)) throw new Error(`post ${postId} still ${body.post.status}`);
      return body as { post: any; events: { type: string; message: string }[] };
    },
    { timeout, interval: 150 },
  );
}

/** Sends a request straight to the Worker with exactly these headers (no cookie jar, no default Origin). */
export async function bareFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { ...init, redirect: "manual" }));
}

/** All rows of a D1 query (raw SQL, for asserting what a request left behind). */
export async function rows<T = Record<string, unknown>>(sql: string, ...binds: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...binds)
      .all<T>()
  ).results;
}

/** An ISO time `ms` from now, well outside the scheduler's claim window unless asked otherwise. */
export const inFuture = (ms = 3 * 24 * 3600 * 1000) => new Date(Date.now() + ms).toISOString();

/** POSTs /api/posts with these fields over defaults (public, three days ahead, Europe/Paris); returns status + body. */
export async function postRequest(client: Client, fields: Record<string, unknown>) {
  return client.json("/api/posts", {
    caption: "Morning run #fitness",
    privacyLevel: "PUBLIC_TO_EVERYONE",
    scheduledAt: inFuture(),
    timezone: "Europe/Paris",
    mode: "direct",
    ...fields,
  });
}

/**
 * Every row of every table (D1's own bookkeeping aside), to compare before and after requests that must write
 * nothing. Read from sqlite_master, so a table a later migration adds is covered without anyone listing it.
 */
export async function databaseSnapshot() {
  const tables = await rows<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' ORDER BY name",
  );
  const out: Record<string, unknown[]> = {};
  // Sorted here: some tables are WITHOUT ROWID, and a snapshot compares contents, not order.
  for (const { name } of tables) out[name] = (await rows(`SELECT * FROM "${name}"`)).map((r) => JSON.stringify(r)).sort();
  return out;
}
