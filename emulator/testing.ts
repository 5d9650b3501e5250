// Helpers for Node tests driving the emulator over real HTTP: OAuth connect, JSON calls, streamed chunk PUTs.
import { request } from "node:http";
import { Readable } from "node:stream";
import type { recordView } from "./control/record-view.ts";

export const TEST_REDIRECT = "http://localhost:8787/auth/callback";

export interface Connected {
  accessToken: string;
  refreshToken: string;
  openId: string;
  scope: string;
}

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function oauthToken(base: string, form: Record<string, string>): Promise<JsonResponse> {
  const res = await fetch(`${base}/v2/oauth/token/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_key: "local-client-key", client_secret: "local-client-secret", ...form }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

/** Non-interactive authorize (emu_auto=approve) and code exchange; returns the callback URL too. */
export async function authorizeCode(base: string, username: string, scopes: string, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({
    client_key: "local-client-key",
    response_type: "code",
    scope: scopes,
    redirect_uri: TEST_REDIRECT,
    state: "st-1",
    emu_auto: "approve",
    emu_username: username,
    ...extra,
  });
  const res = await fetch(`${base}/v2/auth/authorize/?${q}`, { redirect: "manual" });
  const location = new URL(res.headers.get("location") ?? "");
  return { status: res.status, location, code: location.searchParams.get("code") ?? "" };
}

export async function connect(base: string, username: string, scopes = "user.info.basic,video.publish,video.upload"): Promise<Connected> {
  const { code } = await authorizeCode(base, username, scopes);
  const { body } = await oauthToken(base, { code, grant_type: "authorization_code", redirect_uri: TEST_REDIRECT });
  return {
    accessToken: String(body.access_token),
    refreshToken: String(body.refresh_token),
    openId: String(body.open_id),
    scope: String(body.scope),
  };
}

export type ApiBody = { data: Record<string, unknown>; error: { code: string; message: string; log_id: string } };

export async function api(base: string, token: string, path: string, body?: unknown): Promise<JsonResponse<ApiBody> & { text: string }> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined && path.startsWith("/v2/user/") ? "GET" : "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json; charset=UTF-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as ApiBody, text };
}

export type EmuRecord = ReturnType<typeof recordView>;

export async function control<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const res = await fetch(`${base}/__emu${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export const record = async (base: string, openId?: string) =>
  (await control<EmuRecord>(base, "GET", `/record${openId ? `?openId=${openId}` : ""}`)).body;

/** PUTs one chunk with an exact Content-Length, streaming `body` (no whole-video buffers). */
export function putChunk(
  uploadUrl: string,
  range: { first: number; last: number; total: number },
  body: Readable | Buffer,
  contentType = "video/mp4",
): Promise<{ status: number; contentRange: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(uploadUrl, {
      method: "PUT",
      headers: {
        "Content-Type": contentType,
        "Content-Length": String(range.last - range.first + 1),
        "Content-Range": `bytes ${range.first}-${range.last}/${range.total}`,
      },
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, contentRange: res.headers["content-range"] }));
    });
    req.on("error", reject);
    if (Buffer.isBuffer(body)) req.end(body);
    else body.pipe(req);
  });
}

/**
 * Bytes [offset, offset + length) of a virtual file that starts with `prefix` and is filled with
 * 0x61 after it, generated in 64 KiB pieces (no whole-video buffers).
 */
export function byteStream(length: number, prefix: Buffer = Buffer.alloc(0), offset = 0): Readable {
  let pos = offset;
  const end = offset + length;
  return new Readable({
    read() {
      if (pos >= end) return void this.push(null);
      const piece = Buffer.alloc(Math.min(65_536, end - pos), 0x61);
      if (pos < prefix.length) prefix.copy(piece, 0, pos, Math.min(prefix.length, pos + piece.length));
      pos += piece.length;
      this.push(piece);
    },
  });
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 5000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
