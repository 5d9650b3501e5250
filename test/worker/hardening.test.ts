// The hardened edge (issue 16's table): security headers on every API answer, the webhook's Origin exemption and
// size cap, a reschedule that starts from a clean publish, Idempotency-Key, health without cross-workspace counts,
// captions counted in UTF-16 units, and the cron's cleanup.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { hmacSha256Hex } from "../../src/shared/crypto";
import { TEST_SECRETS } from "../secrets";
import { bareFetch, Client, connectAccount, ORIGIN, postRequest, rows, signedUpClient, uploadVideo } from "./helpers";
import { type World, world } from "./world";

let w: World | null = null;
afterEach(async () => {
  await w?.release();
  w = null;
});

async function creator() {
  const client = await signedUpClient();
  const { accountId, openId } = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  return { client, accountId, openId, videoId };
}

describe("security headers", () => {
  it("sends a strict CSP, HSTS, nosniff, Referrer-Policy, COOP and no framing on every kind of API answer", async () => {
    const client = await signedUpClient();
    const answers = {
      ok: await client.fetch("/api/me"),
      notFound: await client.fetch("/api/nope"),
      unauthenticated: await bareFetch("/api/posts"),
      invalid: await client.fetch("/api/posts", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }),
      refused: await bareFetch("/api/videos", { method: "POST", headers: { origin: "https://evil.example" } }),
      openapi: await bareFetch("/api/openapi.json"),
    };
    for (const [what, res] of Object.entries(answers)) {
      const h = res.headers;
      const csp = h.get("content-security-policy") ?? "";
      expect(csp, what).toContain("default-src 'none'");
      expect(csp, what).toContain("frame-ancestors 'none'");
      expect(csp, what).not.toMatch(/unsafe-(inline|eval)/);
      expect(Number(/max-age=(\d+)/.exec(h.get("strict-transport-security") ?? "")?.[1]), what).toBeGreaterThanOrEqual(31_536_000);
      expect(h.get("strict-transport-security"), what).toContain("includeSubDomains");
      expect(h.get("x-content-type-options"), what).toBe("nosniff");
      expect(h.get("referrer-policy"), what).toBe("no-referrer");
      expect(h.get("cross-origin-opener-policy"), what).toBe("same-origin");
      expect(h.get("x-frame-options"), what).toBe("DENY");
      expect(h.get("access-control-allow-origin"), what).toBeNull();
    }
  });
});

const signedWebhook = async (raw: string) => {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},s=${await hmacSha256Hex(TEST_SECRETS.TIKTOK_CLIENT_SECRET, `${t}.${raw}`)}`;
};

describe("TikTok's webhook at the edge", () => {
  it("accepts a correctly signed event that carries a foreign Origin header (the signature is the guard)", async () => {
    const raw = JSON.stringify({
      client_key: TEST_SECRETS.TIKTOK_CLIENT_KEY,
      event: "post.publish.complete",
      create_time: 1,
      content: "{}",
    });
    const res = await bareFetch("/api/webhooks/tiktok", {
      method: "POST",
      headers: { origin: "https://open.tiktokapis.com", "content-type": "application/json", "tiktok-signature": await signedWebhook(raw) },
      body: raw,
    });
    expect(res.status).toBe(200);
  });

  it("refuses a body over 64 KiB with 413 before reading it, announced or streamed", async () => {
    const big = "x".repeat(70 * 1024);
    const announced = await bareFetch("/api/webhooks/tiktok", {
      method: "POST",
      headers: { "content-length": String(big.length) },
      body: big,
    });
    expect(announced.status).toBe(413);
    expect(((await announced.json()) as any).error.code).toBe("payload_too_large");
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(new TextEncoder().encode("y".repeat(1024)));
        controller.close();
      },
    });
    const streamed = await bareFetch("/api/webhooks/tiktok", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("caps JSON bodies of the other routes too", async () => {
    const client = await signedUpClient();
    const res = await client.fetch("/api/posts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ caption: "a".repeat(100_000) }),
    });
    expect(res.status).toBe(413);
  });
});

describe("rescheduling a failed post", () => {
  it("clears everything of the previous publish, so old webhooks match nothing and lateness starts afresh", async () => {
    const { client, accountId, videoId } = await creator();
    const { body } = await postRequest(client, { accountId, videoId });
    const id = body.post.id;
    await env.DB.prepare(
      `UPDATE posts SET status = 'failed', publish_id = ?, init_at = 1, uploaded_at = 2, completed_at = 3,
       media_source = 'FILE_UPLOAD', tiktok_post_id = '7300000000000000001' WHERE id = ?`,
    )
      .bind(`v_pub_old_${id}`, id)
      .run();

    const res = await client.json(`/api/posts/${id}`, { scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }, "PATCH");

    expect(res.status).toBe(200);
    expect(res.body.post).toMatchObject({ status: "scheduled", publishId: null, tiktokPostId: null, mediaSource: null });
    expect(res.body.post.timing).toMatchObject({
      initAt: null,
      uploadedAt: null,
      completedAt: null,
      startLatenessMs: null,
      liveLatenessMs: null,
    });
    expect(
      await rows("SELECT publish_id, init_at, uploaded_at, completed_at, media_source, tiktok_post_id FROM posts WHERE id = ?", id),
    ).toEqual([{ publish_id: null, init_at: null, uploaded_at: null, completed_at: null, media_source: null, tiktok_post_id: null }]);
  });
});

describe("Idempotency-Key on POST /api/posts", () => {
  const send = (client: Client, body: unknown, key?: string) =>
    client.fetch("/api/posts", {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
      body: JSON.stringify(body),
    });

  it("gives back the same post for the same key, refuses the key for another body, and frees it when the create fails", async () => {
    const { client, accountId, videoId } = await creator();
    const fields = {
      accountId,
      videoId,
      caption: "once",
      privacyLevel: "SELF_ONLY",
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      timezone: "UTC",
    };

    const first = await send(client, fields, "retry-1");
    const again = await send(client, fields, "retry-1");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const [a, b] = [(await first.json()) as any, (await again.json()) as any];
    expect(b.post.id).toBe(a.post.id);
    expect(await rows("SELECT id FROM posts WHERE account_id = ? AND caption = 'once'", accountId)).toHaveLength(1);

    const other = await send(client, { ...fields, caption: "twice" }, "retry-1");
    expect(other.status).toBe(422);
    expect(((await other.json()) as any).error.code).toBe("idempotency_key_reused");

    const bad = await send(client, { ...fields, accountId: "acc_missing" }, "retry-2");
    expect(bad.status).toBe(404);
    expect((await send(client, fields, "retry-2")).status).toBe(201);
    // Without a key, two requests are two posts (as before).
    await send(client, { ...fields, caption: "no key" });
    await send(client, { ...fields, caption: "no key" });
    expect(await rows("SELECT id FROM posts WHERE account_id = ? AND caption = 'no key'", accountId)).toHaveLength(2);
  });
});

describe("/api/health", () => {
  it("is for members and counts only their own workspace; the public liveness answer counts nothing", async () => {
    const a = await creator();
    const due = new Date(Date.now() + 30 * 60_000).toISOString();
    expect((await postRequest(a.client, { accountId: a.accountId, videoId: a.videoId, scheduledAt: due })).status).toBe(201);
    const b = await signedUpClient();

    expect((await a.client.json("/api/health")).body.postsDueNextHour).toBe(1);
    expect((await b.json("/api/health")).body.postsDueNextHour).toBe(0);
    expect((await new Client().json("/api/health")).status).toBe(401);
    const live = await new Client().json("/api/health/live");
    expect(live.status).toBe(200);
    expect(Object.keys(live.body).sort()).toEqual(["lastTickAt", "ok", "tickOverdue"]);
  });
});

describe("captions", () => {
  it("are counted in UTF-16 code units, TikTok's unit: 1,100 emoji fit, 1,101 do not", async () => {
    const { client, accountId, videoId } = await creator();
    const over = await postRequest(client, { accountId, videoId, caption: "😀".repeat(1101) });
    expect(over.status).toBe(400);
    expect(over.body.error.details).toEqual([{ path: "caption", message: "Captions can be at most 2200 characters" }]);
    const fits = await postRequest(client, { accountId, videoId, caption: "😀".repeat(1100) });
    expect(fits.status).toBe(201);
    expect(fits.body.post.caption).toHaveLength(2200);
  });
});

describe("the cron's cleanup", () => {
  it("deletes expired OAuth states, old webhook receipts and expired idempotency keys, and keeps live ones", async () => {
    w = await world();
    const now = w.now();
    const client = await signedUpClient(w.fetcher);
    const { body } = await client.json("/api/me");
    const [u, ws] = [body.user.id, body.workspace.id];
    const stmts = [
      env.DB.prepare("INSERT INTO oauth_states VALUES (?, ?, ?, ?)").bind("old-state", u, ws, now - 1),
      env.DB.prepare("INSERT INTO oauth_states VALUES (?, ?, ?, ?)").bind("live-state", u, ws, now + 60_000),
      env.DB.prepare("INSERT INTO webhook_receipts VALUES (?, 'x', ?)").bind(`old-receipt-${u}`, now - 8 * 86_400_000),
      env.DB.prepare("INSERT INTO webhook_receipts VALUES (?, 'x', ?)").bind(`new-receipt-${u}`, now - 60_000),
      env.DB.prepare("INSERT INTO idempotency_keys VALUES (?, ?, 'old', 'h', 'p', NULL, ?, ?)").bind(ws, u, now - 2, now - 1),
      env.DB.prepare("INSERT INTO idempotency_keys VALUES (?, ?, 'new', 'h', 'p', NULL, ?, ?)").bind(ws, u, now, now + 60_000),
    ];
    await env.DB.batch(stmts);

    await w.tick();

    expect(await rows("SELECT state_hash FROM oauth_states WHERE user_id = ?", u)).toEqual([{ state_hash: "live-state" }]);
    expect(await rows("SELECT body_hash FROM webhook_receipts WHERE body_hash LIKE ?", `%receipt-${u}`)).toEqual([
      { body_hash: `new-receipt-${u}` },
    ]);
    expect(await rows("SELECT key FROM idempotency_keys WHERE user_id = ?", u)).toEqual([{ key: "new" }]);
    expect(ORIGIN).toBeTruthy();
  });
});
