// Throttling (ASVS 4.0 2.2.1, 5.0 6.3.x): progressive delay then 429 + Retry-After, per email and per client address
// for sign-in, per address for sign-up and connect, per workspace for uploads. Time is the world's clock: no sleeping.
import { afterEach, describe, expect, it } from "vitest";
import { decide, POLICIES, type Policy, type ThrottleState } from "../../src/throttle/throttle-policy";
import { Client, connectAccount, signedUpClient, unique } from "./helpers";
import { type World, world } from "./world";

const PASSWORD = "correct horse battery";
let w: World | null = null;
afterEach(async () => {
  await w?.release();
  w = null;
});

/** Replays attempt times through a policy; returns the times that were allowed. */
function replay(policy: Policy, times: number[]) {
  let state: ThrottleState | null = null;
  const allowed: number[] = [];
  for (const t of times) {
    const verdict = decide(policy, state, t);
    state = verdict.state;
    if (verdict.allowed) allowed.push(t);
  }
  return allowed;
}

const maxInWindow = (times: number[], windowMs: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe("the throttling policy", () => {
  it("allows at most 20 failed sign-ins an hour for one email, however they are spread (≤ 100 per ASVS)", () => {
    const hour = 3_600_000;
    const every30s = Array.from({ length: 120 }, (_, i) => i * 30_000);
    const burst = Array.from({ length: 120 }, (_, i) => i);
    // An attacker who retries exactly when allowed, for three hours.
    const eager: number[] = [];
    let state: ThrottleState | null = null;
    for (let t = 0; t < 3 * hour; ) {
      const v = decide(POLICIES.sign_in_email, state, t);
      state = v.state;
      if (v.allowed) eager.push(t);
      t += v.allowed ? 1 : v.retryAfterMs;
    }
    for (const [name, times] of [
      ["every 30 s", replay(POLICIES.sign_in_email, every30s)],
      ["burst", replay(POLICIES.sign_in_email, burst)],
      ["eager", eager],
    ] as const) {
      expect(maxInWindow(times, hour), name).toBeLessThanOrEqual(20);
    }
    expect(replay(POLICIES.sign_in_email, every30s).length).toBeGreaterThanOrEqual(5);
  });

  it("doubles the wait after the free attempts, caps it, and forgets a key after a quiet window", () => {
    const p = POLICIES.sign_in_email;
    let state: ThrottleState | null = null;
    const waits: number[] = [];
    let t = 0;
    for (let i = 0; i < 16; i++) {
      const v = decide(p, state, t);
      if (!v.allowed) {
        waits.push(v.retryAfterMs);
        t += v.retryAfterMs;
      }
      state = decide(p, state, t).state;
    }
    expect(waits.slice(0, 5)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(p.maxDelayMs);
    expect(decide(p, state, t + p.windowMs).allowed).toBe(true);
    expect(decide(p, state, t + p.windowMs).state.count).toBe(1);
  });
});

async function login(w: World, email: string, password: string, address: string) {
  const client = new Client(w.fetcher);
  client.address = address;
  const res = await client.fetch("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, text: await res.text(), retryAfter: res.headers.get("retry-after") };
}

describe("sign-in throttling through the Worker", () => {
  it("slows wrong passwords for one email down to 429 + Retry-After, and the right password works once the wait ends", async () => {
    w = await world();
    const email = `${unique("u")}@example.com`;
    await new Client(w.fetcher).json("/api/auth/signup", { email, password: PASSWORD });

    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(await login(w, email, "wrong password 1", `203.0.113.${i + 1}`));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5).every((a) => a.status === 429)).toBe(true);
    expect(answers[5]!.retryAfter).toBe("1");
    expect(JSON.parse(answers[5]!.text)).toEqual({
      error: { code: "too_many_requests", message: "Too many attempts; try again in 1 s", details: { retryAfterSeconds: 1 } },
    });
    // Even the right password waits while the key is throttled…
    expect((await login(w, email, PASSWORD, "203.0.113.200")).status).toBe(429);
    // …and works as soon as the wait is over; success clears the count.
    await w.advanceTo(w.now() + 1_000);
    expect((await login(w, email, PASSWORD, "203.0.113.201")).status).toBe(200);
    expect((await login(w, email, "wrong password 1", "203.0.113.202")).status).toBe(401);
  });

  it("lets only one of ten parallel attempts through once the free attempts are spent", async () => {
    w = await world();
    const email = `${unique("u")}@example.com`;
    for (let i = 0; i < 5; i++) expect((await login(w, email, "wrong password 1", `198.18.0.${i}`)).status).toBe(401);
    await w.advanceTo(w.now() + 1_000);
    const parallel = await Promise.all(Array.from({ length: 10 }, (_, i) => login(w!, email, "wrong password 1", `198.18.1.${i}`)));
    expect(parallel.map((a) => a.status).sort()).toEqual([401, 429, 429, 429, 429, 429, 429, 429, 429, 429]);
  });

  it("answers a known and an unknown email byte for byte the same, throttled or not", async () => {
    w = await world();
    const known = `${unique("u")}@example.com`;
    await new Client(w.fetcher).json("/api/auth/signup", { email: known, password: PASSWORD });
    const unknown = `${unique("u")}@example.com`;
    for (let i = 0; i < 7; i++) {
      const a = await login(w, known, "wrong password 1", `192.0.2.${i}`);
      const b = await login(w, unknown, "wrong password 1", `192.0.2.${100 + i}`);
      expect({ status: a.status, text: a.text, retryAfter: a.retryAfter }, `attempt ${i + 1}`).toEqual({
        status: b.status,
        text: b.text,
        retryAfter: b.retryAfter,
      });
    }
  });

  it("throttles failed sign-ins per client address too, across emails", async () => {
    w = await world();
    const statuses = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await login(w, `${unique("nobody")}@example.com`, "wrong password 1", "198.51.100.77")).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});

describe("other throttled actions", () => {
  it("refuses a 6th sign-up in a row from one address with 429 (15 in a row used to all succeed)", async () => {
    w = await world();
    const statuses = [];
    for (let i = 0; i < 15; i++) {
      const client = new Client(w.fetcher);
      client.address = "198.51.100.15";
      statuses.push((await client.json("/api/auth/signup", { email: `${unique("u")}@example.com`, password: PASSWORD })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, ...Array(10).fill(429)]);
  });

  it("throttles starting TikTok connections per address and video uploads per workspace", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const connects = [];
    for (let i = 0; i < 11; i++) connects.push((await client.fetch("/api/accounts/tiktok/connect")).status);
    expect(connects).toEqual([...Array(10).fill(302), 429]);

    const uploads = [];
    for (let i = 0; i < 31; i++)
      uploads.push((await client.json("/api/videos", { filename: "a.mp4", size: 1000, contentType: "video/mp4" })).status);
    expect(uploads).toEqual([...Array(30).fill(201), 429]);
    await w.advanceTo(w.now() + POLICIES.video_create.baseDelayMs);
    expect((await client.json("/api/videos", { filename: "a.mp4", size: 1000, contentType: "video/mp4" })).status).toBe(201);
    // The emulator flow still works for this workspace after the wait.
    await w.advanceTo(w.now() + POLICIES.connect_address.baseDelayMs);
    expect((await connectAccount(client)).accountId).toMatch(/^acc_/);
  });
});
