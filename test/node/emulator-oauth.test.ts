// OAuth emulation: consent, code exchange, strict refresh rotation, token validation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index.ts";
import { startEmulator } from "../../emulator/index.ts";
import { api, authorizeCode, connect, control, oauthToken, record, TEST_REDIRECT } from "../../emulator/testing.ts";

let emu: RunningEmulator;
let base: string;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  base = emu.url;
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(base, "POST", "/reset");
  await control(base, "PATCH", "/config", { redirectUris: [], strictRotation: true, oauthErrorsWithHttp200: false });
});

const authorizeUrl = (extra: Record<string, string>) =>
  `${base}/v2/auth/authorize/?${new URLSearchParams({
    client_key: "local-client-key",
    response_type: "code",
    scope: "user.info.basic,video.publish",
    redirect_uri: TEST_REDIRECT,
    state: "csrf-1",
    ...extra,
  })}`;

describe("authorize + token exchange", () => {
  it("redirects back with code, granted scopes and state, and the code buys a flat token body", async () => {
    const { status, location, code } = await authorizeCode(base, "jane.creates", "user.info.basic,video.publish");
    expect(status).toBe(302);
    expect(location.origin + location.pathname).toBe(TEST_REDIRECT);
    expect(location.searchParams.get("state")).toBe("st-1");
    expect(location.searchParams.get("scopes")).toBe("user.info.basic,video.publish");
    const res = await oauthToken(base, { code, grant_type: "authorization_code", redirect_uri: TEST_REDIRECT });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      expires_in: 7200,
      refresh_expires_in: 15552000,
      token_type: "Bearer",
      scope: "user.info.basic,video.publish",
    });
    expect(String(res.body.access_token)).toMatch(/^act\./);
    const info = await api(base, String(res.body.access_token), "/v2/user/info/?fields=open_id,display_name");
    expect(info.body.error.code).toBe("ok");
    expect(info.body.data.user).toEqual({ open_id: res.body.open_id, display_name: "Jane Creates" });
  });

  it("rejects a reused code with invalid_grant", async () => {
    const { code } = await authorizeCode(base, "reuse", "user.info.basic");
    const form = { code, grant_type: "authorization_code", redirect_uri: TEST_REDIRECT };
    expect((await oauthToken(base, form)).status).toBe(200);
    const again = await oauthToken(base, form);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: "invalid_grant" });
    expect(again.body).not.toHaveProperty("data");
  });

  it("rejects a token exchange whose redirect_uri differs from the authorize request", async () => {
    const { code } = await authorizeCode(base, "mismatch", "user.info.basic");
    const res = await oauthToken(base, { code, grant_type: "authorization_code", redirect_uri: "http://localhost:8787/other" });
    expect(res.body).toMatchObject({
      error: "invalid_request",
      error_description: "Redirect_uri is not matched with the uri when requesting code.",
    });
  });

  it("refuses an unregistered redirect_uri on the consent page without redirecting", async () => {
    await control(base, "PATCH", "/config", { redirectUris: ["https://app.example.com/auth/callback"] });
    const res = await fetch(authorizeUrl({ emu_auto: "approve" }), { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });

  it("shows a consent page whose form lets the user untick scopes, or cancel with access_denied", async () => {
    const page = await (await fetch(authorizeUrl({}))).text();
    expect(page).toContain('name="scope" value="video.publish" checked');
    const session = /name="session" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const form = (extra: string[][]) =>
      fetch(`${base}/v2/auth/authorize/`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams([["session", session], ...extra]),
      });
    const ok = await form([
      ["action", "authorize"],
      ["username", "picky"],
    ]); // video.publish unticked
    const back = new URL(ok.headers.get("location") ?? "");
    expect(back.searchParams.get("scopes")).toBe("user.info.basic");
    const page2 = await (await fetch(authorizeUrl({}))).text();
    const session2 = /name="session" value="([^"]+)"/.exec(page2)?.[1] ?? "";
    const cancel = await fetch(`${base}/v2/auth/authorize/`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ session: session2, action: "cancel" }),
    });
    const denied = new URL(cancel.headers.get("location") ?? "");
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("state")).toBe("csrf-1");
  });

  it("maps the same username to the same open_id on reconnect", async () => {
    const a = await connect(base, "stable.user");
    const b = await connect(base, "stable.user");
    expect(b.openId).toBe(a.openId);
    expect(b.accessToken).not.toBe(a.accessToken);
  });

  it("requires a form-encoded token request", async () => {
    const res = await fetch(`${base}/v2/oauth/token/`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(await res.json()).toMatchObject({ error: "invalid_request" });
  });
});

describe("refresh", () => {
  it("rotates strictly: the old refresh token dies at once, old access tokens live on", async () => {
    const first = await connect(base, "rotator");
    const r1 = await oauthToken(base, { grant_type: "refresh_token", refresh_token: first.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(first.refreshToken);
    const replay = await oauthToken(base, { grant_type: "refresh_token", refresh_token: first.refreshToken });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe("invalid_grant");
    const r2 = await oauthToken(base, { grant_type: "refresh_token", refresh_token: String(r1.body.refresh_token) });
    expect(r2.status).toBe(200);
    expect((await api(base, first.accessToken, "/v2/user/info/?fields=open_id")).status).toBe(200);
    expect((await record(base, first.openId)).tokenRefreshes).toHaveLength(2);
  });

  it("can answer OAuth errors with HTTP 200", async () => {
    await control(base, "PATCH", "/config", { oauthErrorsWithHttp200: true });
    const res = await oauthToken(base, { grant_type: "refresh_token", refresh_token: "rft.nope" });
    expect(res.status).toBe(200);
    expect(res.body.error).toBe("invalid_grant");
  });
});

describe("access tokens", () => {
  it("answers 401 access_token_invalid for expired and revoked tokens", async () => {
    const a = await connect(base, "expiring");
    await control(base, "PUT", "/faults", { openId: a.openId, expireTokens: true });
    const expired = await api(base, a.accessToken, "/v2/user/info/?fields=open_id");
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("access_token_invalid");
    const b = await connect(base, "revoking");
    const rev = await fetch(`${base}/v2/oauth/revoke/`, {
      method: "POST",
      body: new URLSearchParams({ client_key: "local-client-key", client_secret: "local-client-secret", token: b.accessToken }),
    });
    expect(await rev.json()).toEqual({});
    expect((await api(base, b.accessToken, "/v2/user/info/?fields=open_id")).status).toBe(401);
  });

  it("reports scope_permission_missed for fields outside the granted scopes", async () => {
    const a = await connect(base, "basic.only", "user.info.basic");
    const res = await api(base, a.accessToken, "/v2/user/info/?fields=open_id,username");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("scope_permission_missed");
  });
});

describe("pinned clock (/__emu/clock)", () => {
  afterAll(() => control(base, "PUT", "/clock", { now: null }));

  it("expires an access token when the pinned clock passes its lifetime, and returns to real time on null", async () => {
    const start = Date.parse("2030-01-01T00:00:00Z");
    expect((await control(base, "PUT", "/clock", { now: start })).body).toEqual({ now: start, pinned: true });
    const { accessToken } = await connect(base, "time.traveller");
    expect((await api(base, accessToken, "/v2/user/info/?fields=open_id")).body.error.code).toBe("ok");
    await control(base, "PUT", "/clock", { now: start + 7200 * 1000 });
    expect((await api(base, accessToken, "/v2/user/info/?fields=open_id")).body.error.code).toBe("access_token_invalid");
    const released = await control<{ now: number; pinned: boolean }>(base, "PUT", "/clock", { now: null });
    expect(released.body.pinned).toBe(false);
    expect(Math.abs(released.body.now - Date.now())).toBeLessThan(5_000);
    expect((await control(base, "PUT", "/clock", { now: "soon" })).status).toBe(400);
  });
});
