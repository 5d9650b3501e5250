// Benchmark 7 (sign-in): the cost of one sign-in (PBKDF2-SHA256 at 100,000 iterations, the Workers cap) and the
// account-enumeration timing check of reliability-security.md: 200 samples each of a wrong password for a known
// email and any password for an unknown one (sign-in), and of a new and a taken email (sign-up), interleaved; their
// medians should differ by less than 5 ms. Every sample comes from its own client address and email, so no
// throttle answers instead of the password check.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../src/shared/password";
import { report } from "./helpers";

const SAMPLES = 200;
const PASSWORD = "correct horse battery";
let address = 0;

async function post(path: string, body: unknown) {
  address += 1;
  const started = performance.now();
  const res = await exports.default.fetch(
    new Request(`http://localhost:8787${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "cf-connecting-ip": `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
      },
      body: JSON.stringify(body),
    }),
  );
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(((s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2).toFixed(2));
};
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe("benchmark 7: sign-in cost and enumeration timing", () => {
  it("measures PBKDF2, a sign-in, and the medians of the cases an attacker would compare", async () => {
    const pbkdf2: number[] = [];
    const stored = await hashPassword(PASSWORD);
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await verifyPassword(PASSWORD, stored);
      pbkdf2.push(performance.now() - t);
    }

    const known: string[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const email = `bench-${stamp()}-${i}@example.com`;
      expect((await post("/api/auth/signup", { email, password: PASSWORD })).status).toBe(201);
      known.push(email);
    }
    const t = {
      rightPassword: [] as number[],
      wrongPassword: [] as number[],
      unknownEmail: [] as number[],
      signUpNew: [] as number[],
      signUpTaken: [] as number[],
    };
    for (let i = 0; i < SAMPLES; i++) {
      const wrong = await post("/api/auth/login", { email: known[i], password: "wrong horse battery" });
      const unknown = await post("/api/auth/login", { email: `nobody-${stamp()}-${i}@example.com`, password: "wrong horse battery" });
      const right = await post("/api/auth/login", { email: known[i], password: PASSWORD });
      const fresh = await post("/api/auth/signup", { email: `fresh-${stamp()}-${i}@example.com`, password: PASSWORD });
      const taken = await post("/api/auth/signup", { email: known[i], password: PASSWORD });
      expect([wrong.status, unknown.status, right.status, fresh.status, taken.status]).toEqual([401, 401, 200, 201, 201]);
      t.wrongPassword.push(wrong.ms);
      t.unknownEmail.push(unknown.ms);
      t.rightPassword.push(right.ms);
      t.signUpNew.push(fresh.ms);
      t.signUpTaken.push(taken.ms);
    }
    const medians = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
    await report("7 sign-in", {
      samples: SAMPLES,
      pbkdf2VerifyMedianMs: median(pbkdf2),
      signInMedianMs: medians.rightPassword,
      medianMs: medians,
      signInWrongVsUnknownMs: Number(Math.abs(medians.wrongPassword! - medians.unknownEmail!).toFixed(2)),
      signUpNewVsTakenMs: Number(Math.abs(medians.signUpNew! - medians.signUpTaken!).toFixed(2)),
    });
  });
});
