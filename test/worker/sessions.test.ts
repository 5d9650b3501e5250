// Sessions (ASVS 5.0 §3.3, §7.2–7.4): a 30-minute idle timeout and a 7-day absolute lifetime on an injected clock,
// the session list with revoke, "log out everywhere", a password change that ends every other session, the
// `__Host-` cookie on https, and the password rules.
import { afterEach, describe, expect, it } from "vitest";
import { SESSION_IDLE_MS, SESSION_MAX_MS } from "../../src/auth/session";
import { Client, rows, signedUpClient, unique } from "./helpers";
import { type World, world } from "./world";

const PASSWORD = "correct horse battery";
let w: World | null = null;
afterEach(async () => {
  await w?.release();
  w = null;
});

describe("session lifetime", () => {
  it("ends a session idle for 30 minutes, and keeps a busy one alive", async () => {
    w = await world();
    const idle = await signedUpClient(w.fetcher);
    const busy = await signedUpClient(w.fetcher);
    for (let minutes = 0; minutes < 120; minutes += 20) {
      await w.advanceTo(w.now() + 20 * 60_000);
      expect((await busy.json("/api/me")).status, `busy at ${minutes + 20} min`).toBe(200);
    }
    const res = await idle.json("/api/me");
    expect(res).toEqual({
      status: 401,
      body: { error: { code: "unauthenticated", message: "Your session has ended; sign in again", details: null } },
    });
    expect(SESSION_IDLE_MS).toBe(30 * 60_000);
  });

  it("ends every session 7 days after sign-in, however busy", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const start = w.now();
    while (w.now() < start + SESSION_MAX_MS - 20 * 60_000) {
      await w.advanceTo(w.now() + 20 * 60_000);
      expect((await client.json("/api/me")).status).toBe(200);
    }
    await w.advanceTo(start + SESSION_MAX_MS + 1);
    expect((await client.json("/api/me")).status).toBe(401);
  });

  it("is forgotten by the cron's cleanup once it has ended", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const { body } = await client.json("/api/me");
    await w.advanceTo(w.now() + SESSION_IDLE_MS + 60_000);
    await w.tick();
    expect(await rows("SELECT id FROM sessions WHERE user_id = ?", body.user.id)).toEqual([]);
  });
});

describe("managing one's sessions", () => {
  it("lists the person's sessions, marks this one, and ends another on request", async () => {
    const email = `${unique("u")}@example.com`;
    const laptop = new Client();
    await laptop.json("/api/auth/signup", { email, password: PASSWORD });
    const phone = new Client();
    await phone.fetch("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "PhoneBrowser/1.0" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });

    const { body } = await laptop.json("/api/sessions");
    expect(body.sessions).toHaveLength(2);
    const phoneSession = body.sessions.find((s: { current: boolean }) => !s.current);
    expect(phoneSession).toMatchObject({ id: expect.stringMatching(/^ses_/), userAgent: "PhoneBrowser/1.0", current: false });
    expect((await laptop.fetch(`/api/sessions/${phoneSession.id}`, { method: "DELETE" })).status).toBe(204);

    expect((await phone.json("/api/me")).status).toBe(401);
    expect((await laptop.json("/api/me")).status).toBe(200);
    expect(JSON.stringify(body)).not.toMatch(/token|hash/i);
  });

  it("logs out everywhere: every session of the person ends, this one included", async () => {
    const email = `${unique("u")}@example.com`;
    const a = new Client();
    await a.json("/api/auth/signup", { email, password: PASSWORD });
    const b = new Client();
    await b.json("/api/auth/login", { email, password: PASSWORD });
    const oldCookie = a.cookie;

    const res = await a.fetch("/api/auth/logout-everywhere", { method: "POST" });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await b.json("/api/me")).status).toBe(401);
    const replay = new Client();
    replay.cookie = oldCookie;
    expect((await replay.json("/api/me")).status).toBe(401);
  });

  it("changes the password, ending every other session; the old password stops working", async () => {
    const email = `${unique("u")}@example.com`;
    const here = new Client();
    await here.json("/api/auth/signup", { email, password: PASSWORD });
    const elsewhere = new Client();
    await elsewhere.json("/api/auth/login", { email, password: PASSWORD });

    const wrong = await here.json("/api/auth/password", { currentPassword: "not my password", newPassword: "a brand new passphrase" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("wrong_password");
    const changed = await here.fetch("/api/auth/password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: "a brand new passphrase" }),
    });
    expect(changed.status).toBe(204);

    expect((await elsewhere.json("/api/me")).status).toBe(401);
    expect((await here.json("/api/me")).status).toBe(200);
    expect((await new Client().json("/api/auth/login", { email, password: PASSWORD })).status).toBe(401);
    expect((await new Client().json("/api/auth/login", { email, password: "a brand new passphrase" })).status).toBe(200);
  });
});

describe("the session cookie on https", () => {
  it("is __Host-pf_session: Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain", async () => {
    w = await world(undefined, { APP_URL: "https://postflare.example" });
    const client = await signedUpClient(w.fetcher);
    const res = await client.fetch("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(400);
    expect(client.cookie).toMatch(/^__Host-pf_session=[A-Za-z0-9_-]{43}$/);
    const login = await w.fetcher(
      new Request("http://localhost:8787/api/auth/signup", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.9" },
        body: JSON.stringify({ email: `${unique("u")}@example.com`, password: PASSWORD }),
      }),
    );
    const cookie = login.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-pf_session=[A-Za-z0-9_-]{43};/);
    for (const attribute of [/;\s*Secure/i, /;\s*HttpOnly/i, /;\s*SameSite=Lax/i, /;\s*Path=\/(;|$)/]) expect(cookie).toMatch(attribute);
    expect(cookie).not.toMatch(/Domain=/i);
    expect((await client.json("/api/me")).status).toBe(200);
  });
});

describe("passwords", () => {
  it("must have at least 10 characters and not be among the most common passwords", async () => {
    for (const [password, message] of [
      ["password", "Use at least 10 characters"],
      ["12345678", "Use at least 10 characters"],
      ["1234567890", "This password is among the most common ones; choose another"],
      ["Password123", "This password is among the most common ones; choose another"],
      ["qwertyuiop", "This password is among the most common ones; choose another"],
    ]) {
      const email = `${unique("u")}@example.com`;
      const res = await new Client().json("/api/auth/signup", { email, password });
      expect(res.status, password).toBe(400);
      expect(res.body.error.details, password).toContainEqual({ path: "password", message });
      expect(await rows("SELECT id FROM users WHERE email = ?", email)).toEqual([]);
    }
  });
});
