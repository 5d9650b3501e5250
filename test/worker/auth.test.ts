// Accounts of Postflare itself: sign-up, sign-in, sign-out, the session cookie, and CSRF on state changes.
import { afterEach, describe, expect, it, vi } from "vitest";
import { PBKDF2_ITERATIONS } from "../../src/shared/password";
import { bareFetch, Client, ORIGIN, rows, sha256Hex, signedUpClient, unique } from "./helpers";

const PASSWORD = "correct horse battery";
const newEmail = () => `${unique("u")}@example.com`;
const cookieValue = (client: Client) => client.cookie.split("=").slice(1).join("=");
const textHash = (text: string) => sha256Hex(new TextEncoder().encode(text));

afterEach(() => vi.restoreAllMocks());

describe("signing up", () => {
  it("creates the user and their workspace and signs them in with an HttpOnly, SameSite=Lax cookie", async () => {
    const client = new Client();
    const email = newEmail();
    const res = await client.fetch("/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: email.toUpperCase(), password: PASSWORD }),
    });

    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    const local = email.split("@")[0];
    expect(body).toEqual({
      user: { id: expect.stringMatching(/^usr_/), email },
      workspace: { id: expect.stringMatching(/^ws_/), name: `${local}'s workspace`, role: "owner", requireApproval: false },
    });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^pf_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);

    const [user] = await rows<{ id: string; email: string }>("SELECT id, email FROM users WHERE id = ?", body.user.id);
    expect(user).toEqual({ id: body.user.id, email });
    expect(await rows("SELECT workspace_id, user_id, role FROM workspace_members WHERE user_id = ?", body.user.id)).toEqual([
      { workspace_id: body.workspace.id, user_id: body.user.id, role: "owner" },
    ]);
  });

  it("lets the new session read /api/me, and refuses /api/me without a session", async () => {
    const client = await signedUpClient();
    const me = await client.json("/api/me");
    expect(me.status).toBe(200);
    expect(me.body.user.email).toMatch(/@example\.com$/);

    const anonymous = await new Client().json("/api/me");
    expect(anonymous).toEqual({
      status: 401,
      body: { error: { code: "unauthenticated", message: "Sign in to continue", details: null } },
    });
  });

  it("never reveals that an email is taken: a second sign-up answers like a sign-in (any letter case), and creates nothing", async () => {
    const email = newEmail();
    const first = await new Client().json("/api/auth/signup", { email, password: PASSWORD });
    expect(first.status).toBe(201);

    // The wrong password: the very bytes a failed sign-in answers (no 409 email_taken).
    const again = await new Client().fetch("/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: email.toUpperCase(), password: "another password 1" }),
    });
    const unknownLogin = await new Client().fetch("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: newEmail(), password: "another password 1" }),
    });
    expect(again.status).toBe(401);
    expect(await again.text()).toBe(await unknownLogin.text());
    expect(again.headers.get("set-cookie")).toBeNull();
    // The right password: signed in to the existing account, like a first sign-up would be.
    const same = await new Client().json("/api/auth/signup", { email, password: PASSWORD });
    expect(same).toEqual({ status: 201, body: first.body });
    expect(await rows("SELECT id FROM users WHERE email = ?", email)).toHaveLength(1);
  });

  it("explains every invalid field at once: a malformed email and a short password", async () => {
    const client = new Client();
    const res = await client.json("/api/auth/signup", { email: "not-an-email", password: "short12" });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "password"]);
    expect(res.body.error.details).toContainEqual({ path: "password", message: "Use at least 10 characters" });
    expect(client.cookie).toBe("");
    expect(await rows("SELECT id FROM users WHERE email = 'not-an-email'")).toEqual([]);
  });

  it("hashes passwords with PBKDF2-SHA256 at no more than 100,000 iterations (Cloudflare's production cap) and a 16-byte salt", async () => {
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    const email = newEmail();
    const res = await new Client().json("/api/auth/signup", { email, password: PASSWORD });
    expect(res.status).toBe(201);

    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    const pbkdf2Calls = derive.mock.calls
      .map(([params]) => params as { name: string; iterations?: number; hash?: unknown })
      .filter((p) => p.name === "PBKDF2");
    expect(pbkdf2Calls.length).toBeGreaterThan(0);
    for (const params of pbkdf2Calls) {
      expect(params.iterations).toBeLessThanOrEqual(100_000);
      expect(params.hash).toBe("SHA-256");
    }

    const [{ password_hash }] = await rows<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = ?", email);
    const [scheme, iterations, salt, hash] = password_hash.split("$");
    expect(scheme).toBe("pbkdf2");
    expect(Number(iterations)).toBeLessThanOrEqual(100_000);
    expect(atob(salt!.replaceAll("-", "+").replaceAll("_", "/"))).toHaveLength(16);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(password_hash).not.toContain(PASSWORD);
  });
});

describe("signing in and out", () => {
  it("signs in with the right password and issues a fresh session token", async () => {
    const email = newEmail();
    const first = new Client();
    const signup = await first.json("/api/auth/signup", { email, password: PASSWORD });

    const second = new Client();
    const login = await second.json("/api/auth/login", { email, password: PASSWORD });

    expect(login).toEqual({ status: 200, body: signup.body });
    expect(second.cookie).toMatch(/^pf_session=/);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await second.json("/api/me")).body).toEqual(signup.body);
    expect(await rows("SELECT token_hash FROM sessions WHERE user_id = ?", signup.body.user.id)).toHaveLength(2);
  });

  it("answers a wrong password and an unknown email with the same 401, so emails cannot be probed", async () => {
    const email = newEmail();
    await new Client().json("/api/auth/signup", { email, password: PASSWORD });

    const wrongPassword = await new Client().fetch("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "wrong horse battery" }),
    });
    const unknownEmail = await new Client().fetch("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: newEmail(), password: "wrong horse battery" }),
    });

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const wrongText = await wrongPassword.text();
    expect(wrongText).toBe(await unknownEmail.text());
    expect(JSON.parse(wrongText)).toEqual({
      error: { code: "invalid_credentials", message: "Email or password is incorrect", details: null },
    });
    expect(wrongPassword.headers.get("set-cookie")).toBeNull();
    expect(unknownEmail.headers.get("set-cookie")).toBeNull();
  });

  it("ends the session on the server at logout: the old cookie no longer works", async () => {
    const client = await signedUpClient();
    const oldCookie = client.cookie;
    const tokenHash = await textHash(cookieValue(client));
    expect(await rows("SELECT token_hash FROM sessions WHERE token_hash = ?", tokenHash)).toHaveLength(1);

    const logout = await client.fetch("/api/auth/logout", { method: "POST" });
    expect(logout.status).toBe(204);
    expect(logout.headers.get("set-cookie")).toMatch(/^pf_session=;.*Max-Age=0/i);

    expect(await rows("SELECT token_hash FROM sessions WHERE token_hash = ?", tokenHash)).toEqual([]);
    const replay = await bareFetch("/api/me", { headers: { cookie: oldCookie } });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({
      error: { code: "unauthenticated", message: "Your session has ended; sign in again", details: null },
    });
  });

  it("stores only a SHA-256 of the session token, never the token itself", async () => {
    const client = await signedUpClient();
    const token = cookieValue(client);
    const { body } = await client.json("/api/me");

    const sessions = await rows<{ token_hash: string }>("SELECT * FROM sessions WHERE user_id = ?", body.user.id);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.token_hash).toBe(await textHash(token));
    expect(JSON.stringify(await rows("SELECT * FROM sessions"))).not.toContain(token);
  });
});

describe("cross-site request forgery", () => {
  it("refuses a state change sent from a foreign Origin, even with a valid cookie, and changes nothing", async () => {
    const client = await signedUpClient();
    const { body: me } = await client.json("/api/me");

    const res = await client.fetch("/api/videos", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ filename: "clip.mp4", size: 1000, contentType: "video/mp4" }),
    });

    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "csrf_rejected", message: "Cross-site request refused", details: null } });
    expect(await rows("SELECT id FROM videos WHERE workspace_id = ?", me.workspace.id)).toEqual([]);
  });

  it("refuses a cross-site logout, so a foreign page cannot sign the user out", async () => {
    const client = await signedUpClient();
    const res = await client.fetch("/api/auth/logout", { method: "POST", headers: { origin: "https://evil.example" } });

    expect(res.status).toBe(403);
    expect((await client.json("/api/me")).status).toBe(200);
  });

  it("refuses a request marked Sec-Fetch-Site: cross-site that carries no Origin", async () => {
    const client = await signedUpClient();
    const { body: me } = await client.json("/api/me");

    const res = await bareFetch("/api/videos", {
      method: "POST",
      headers: { cookie: client.cookie, "sec-fetch-site": "cross-site", "content-type": "application/json" },
      body: JSON.stringify({ filename: "clip.mp4", size: 1000, contentType: "video/mp4" }),
    });

    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe("csrf_rejected");
    expect(await rows("SELECT id FROM videos WHERE workspace_id = ?", me.workspace.id)).toEqual([]);
  });

  it("accepts the same request from the app's own origin", async () => {
    const client = await signedUpClient();
    const res = await bareFetch("/api/videos", {
      method: "POST",
      headers: { cookie: client.cookie, origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify({ filename: "clip.mp4", size: 1000, contentType: "video/mp4" }),
    });

    expect(res.status).toBe(201);
    const { video } = (await res.json()) as any;
    expect(await rows("SELECT id, status FROM videos WHERE id = ?", video.id)).toEqual([{ id: video.id, status: "uploading" }]);
  });

  it("refuses a cross-site sign-up and creates no user", async () => {
    const email = newEmail();
    const res = await bareFetch("/api/auth/signup", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });

    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await rows("SELECT id FROM users WHERE email = ?", email)).toEqual([]);
  });
});
