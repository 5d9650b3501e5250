// Outgoing webhooks (issue 14): admins register endpoints; post and account events reach them signed with
// `Postflare-Signature` (verified here with the README's recipe), retried with backoff, redeliverable, testable,
// never to a disabled endpoint, and only to public https URLs (plain loopback http in development only).
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { GIVE_UP_AFTER_MS, retryWaitMs } from "../../src/webhook-endpoints/delivery-retry";
import {
  type Client,
  connectAccount,
  emu,
  probeNow,
  rows,
  schedulePost,
  signedUpClient,
  signedUpWithToken,
  unique,
  uploadVideo,
} from "./helpers";
import { answerWith, received, sinkUrl, tickAndDrain } from "./integration-helpers";
import { invited } from "./team-helpers";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

/** The README's verification recipe, verbatim in spirit: recompute the HMAC over `t + "." + raw body`. */
function verify(secret: string, header: string, rawBody: string, nowSeconds: number, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=") as [string, string]));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${rawBody}`).digest("hex");
  const fresh = Math.abs(nowSeconds - Number(parts.t)) <= toleranceSeconds;
  return fresh && expected.length === parts.v1?.length && timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1));
}

async function setup() {
  w = await world();
  const client = await signedUpClient(w.fetcher);
  const account = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  return { client, ...account, videoId };
}

async function register(client: Client, name: string, events: string[]) {
  const res = await client.json("/api/webhook-endpoints", { url: sinkUrl(name), events });
  expect(res.status).toBe(201);
  return res.body.endpoint as { id: string; url: string; events: string[]; secret: string };
}

describe("outgoing webhooks", () => {
  it("delivers post events signed so the documented recipe verifies them, the post as GET /api/posts/:id shows it", async () => {
    const { client, accountId, videoId } = await setup();
    const name = unique("hook");
    const endpoint = await register(client, name, ["post.scheduled", "post.published"]);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await client.json("/api/webhook-endpoints");
    expect(listed.body.endpoints).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
    expect(JSON.stringify(listed.body)).not.toContain(endpoint.secret);

    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(30_000) });
    await tickAndDrain(w);
    const [scheduled] = await received(name);
    expect(scheduled!.method).toBe("POST");
    expect(scheduled!.headers["content-type"]).toBe("application/json");
    expect(verify(endpoint.secret, scheduled!.headers["postflare-signature"]!, scheduled!.body, Math.floor(w.now() / 1000))).toBe(true);
    expect(verify("whsec_wrong", scheduled!.headers["postflare-signature"]!, scheduled!.body, Math.floor(w.now() / 1000))).toBe(false);
    const event = JSON.parse(scheduled!.body);
    expect(Object.keys(event)).toEqual(["id", "type", "createdAt", "data"]);
    expect(event.type).toBe("post.scheduled");
    expect(event.id).toMatch(/^evt_/);
    expect(scheduled!.headers["postflare-event-id"]).toBe(event.id);
    expect(event.data.post).toEqual((await client.json(`/api/posts/${post.id}`)).body.post);

    const [done] = await w.publish(client, [accountId], [post.id]);
    expect(done!.post.status).toBe("published");
    await tickAndDrain(w);
    const all = await received(name);
    expect(all.map((r) => JSON.parse(r.body).type)).toEqual(["post.scheduled", "post.published"]);
    const published = JSON.parse(all[1]!.body);
    expect(published.data.post).toEqual((await client.json(`/api/posts/${post.id}`)).body.post);
    expect(published.id).not.toBe(event.id);

    const log = await client.json(`/api/webhook-endpoints/${endpoint.id}/deliveries`);
    expect(
      log.body.deliveries.map((d: { eventType: string; status: string; attempts: number; responseStatus: number }) => [
        d.eventType,
        d.status,
        d.attempts,
        d.responseStatus,
      ]),
    ).toEqual([
      ["post.published", "delivered", 1, 200],
      ["post.scheduled", "delivered", 1, 200],
    ]);
    // A second tick finds nothing new: each event went out once.
    await tickAndDrain(w);
    expect(await received(name)).toHaveLength(2);
  });

  it("reports a post scheduled once however often it is edited, and again when a failed post is rescheduled", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const name = unique("hook");
    await register(client, name, ["post.scheduled", "post.failed"]);
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(20_000) });
    for (const caption of ["first edit", "second edit"])
      expect((await client.json(`/api/posts/${post.id}`, { caption }, "PATCH")).status).toBe(200);
    await emu("/__emu/faults", "PUT", { openId, failReason: "spam_risk_too_many_posts" });
    await w.publish(client, [accountId], [post.id]);
    await emu(`/__emu/faults?openId=${openId}`, "DELETE");
    const again = await client.json(`/api/posts/${post.id}`, { scheduledAt: w.at(3600_000) }, "PATCH");
    expect(again.body.post.status).toBe("scheduled");
    await client.json(`/api/posts/${post.id}`, { caption: "third edit" }, "PATCH");
    await tickAndDrain(w);
    const events = (await received(name)).map((r) => JSON.parse(r.body).type);
    expect(events).toEqual(["post.scheduled", "post.failed", "post.scheduled"]);
  });

  it("reports a failed post once, even when every queue message arrives twice", async () => {
    const { client, accountId, videoId, openId } = await setup();
    const name = unique("hook");
    await register(client, name, ["post.failed", "post.published"]);
    await emu("/__emu/faults", "PUT", { openId, failReason: "spam_risk_too_many_posts" });
    const post = await schedulePost(client, accountId, videoId, { scheduledAt: w.at(20_000) });
    const [done] = await w.publish(client, [accountId], [post.id]);
    await emu(`/__emu/faults?openId=${openId}`, "DELETE");
    expect(done!.post.status).toBe("failed");
    await w.tick();
    for (let round = 0; round < 3; round++) {
      // At-least-once delivery: each message (the dispatch, then the webhook attempt) comes twice.
      w.integrationSent.push(...w.integrationSent.map((m) => ({ ...m })));
      await w.deliverIntegrations();
    }
    await tickAndDrain(w);
    const events = (await received(name)).map((r) => JSON.parse(r.body));
    expect(events.map((e) => e.type)).toEqual(["post.failed"]);
    expect(events[0].data.post.lastError.code).toBe(done!.post.lastError.code);
    expect(await rows("SELECT type FROM integration_events WHERE post_id = ?", post.id)).toEqual([
      { type: "post.scheduled" },
      { type: "post.failed" },
    ]);
  });

  it("retries a receiver's 500 with exponential backoff, records each answer, and stops after 24 hours", async () => {
    const { client } = await setup();
    const name = unique("hook");
    const endpoint = await register(client, name, ["post.failed"]);
    await answerWith(name, [500, 503]);
    const test = await client.json(`/api/webhook-endpoints/${endpoint.id}/test`, {});
    expect(test.status).toBe(202);
    expect(test.body.delivery).toMatchObject({ eventType: "ping", kind: "test", status: "pending", attempts: 0 });
    await w.deliverIntegrations();
    expect(w.integrationSent.map((m) => m.delaySeconds)).toEqual([30]);
    await w.advanceTo(w.now() + 30_000);
    await w.deliverIntegrations();
    expect(w.integrationSent.map((m) => m.delaySeconds)).toEqual([60]);
    let [delivery] = (await client.json(`/api/webhook-endpoints/${endpoint.id}/deliveries`)).body.deliveries;
    expect(delivery).toMatchObject({
      status: "pending",
      attempts: 2,
      responseStatus: 503,
      nextAttemptAt: new Date(w.now() + 60_000).toISOString(),
    });
    await w.advanceTo(w.now() + 60_000);
    await w.deliverIntegrations();
    expect(w.integrationSent).toEqual([]);
    [delivery] = (await client.json(`/api/webhook-endpoints/${endpoint.id}/deliveries`)).body.deliveries;
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, responseStatus: 200, nextAttemptAt: null });
    const bodies = (await received(name)).map((r) => r.body);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ type: "ping", data: { endpoint: { id: endpoint.id } } });

    // The whole schedule: doubling from 30 s, each wait at most 4 h, the last attempt within 24 h of the first.
    const waits: number[] = [];
    for (let n = 1, spent = 0; spent + retryWaitMs(n) <= GIVE_UP_AFTER_MS; spent += retryWaitMs(n), n++) waits.push(retryWaitMs(n) / 1000);
    expect(waits.slice(0, 6)).toEqual([30, 60, 120, 240, 480, 960]);
    expect(Math.max(...waits)).toBe(4 * 3600);
  });

  it("gives a delivery up once its next attempt would fall past 24 hours", async () => {
    w = await world();
    // A token: the clock moves a day, past a browser session's idle timeout.
    const client = await signedUpWithToken(w.fetcher);
    const name = unique("hook");
    const endpoint = await register(client, name, ["post.failed"]);
    await answerWith(name, Array(40).fill(500));
    await client.json(`/api/webhook-endpoints/${endpoint.id}/test`, {});
    const start = w.now();
    let attempts = 0;
    while (w.integrationSent.length > 0 && attempts < 40) {
      const delay = w.integrationSent[0]!.delaySeconds ?? 0;
      await w.advanceTo(w.now() + delay * 1000);
      await w.deliverIntegrations();
      attempts++;
    }
    const [delivery] = (await client.json(`/api/webhook-endpoints/${endpoint.id}/deliveries`)).body.deliveries;
    expect(delivery.status).toBe("failed");
    expect(delivery.responseStatus).toBe(500);
    expect((await received(name)).length).toBe(delivery.attempts);
    expect(w.now() - start).toBeLessThanOrEqual(24 * 3600_000);
    expect(w.now() - start).toBeGreaterThan(18 * 3600_000);
  });

  it("redelivers an event with its id and body, signed afresh; a rotated secret replaces the old one at once", async () => {
    const { client } = await setup();
    const name = unique("hook");
    const endpoint = await register(client, name, ["post.failed"]);
    await client.json(`/api/webhook-endpoints/${endpoint.id}/test`, {});
    await w.deliverIntegrations();
    const [first] = (await client.json(`/api/webhook-endpoints/${endpoint.id}/deliveries`)).body.deliveries;
    const rotated = await client.json(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    const secret = rotated.body.endpoint.secret as string;
    expect(secret).not.toBe(endpoint.secret);
    await w.advanceTo(w.now() + 5_000);
    const again = await client.json(`/api/webhook-endpoints/${endpoint.id}/deliveries/${first.id}/redeliver`, {});
    expect(again.status).toBe(202);
    expect(again.body.delivery).toMatchObject({ kind: "redelivery", eventId: first.eventId, status: "pending" });
    await w.deliverIntegrations();
    const [a, b] = await received(name);
    expect(b!.body).toBe(a!.body);
    expect(b!.headers["postflare-signature"]).not.toBe(a!.headers["postflare-signature"]);
    const now = Math.floor(w.now() / 1000);
    expect(verify(secret, b!.headers["postflare-signature"]!, b!.body, now)).toBe(true);
    expect(verify(endpoint.secret, b!.headers["postflare-signature"]!, b!.body, now)).toBe(false);
    const log = (await client.json(`/api/webhook-endpoints/${endpoint.id}/deliveries`)).body.deliveries;
    expect(log.map((d: { kind: string; status: string }) => [d.kind, d.status])).toEqual([
      ["redelivery", "delivered"],
      ["test", "delivered"],
    ]);
  });

  it("sends nothing to a disabled endpoint, not even what was queued before it was disabled", async () => {
    const { client, accountId, videoId } = await setup();
    const on = unique("hook");
    const off = unique("hook");
    await register(client, on, ["post.scheduled"]);
    const disabled = await register(client, off, ["post.scheduled"]);
    await schedulePost(client, accountId, videoId, { scheduledAt: w.at(3600_000) });
    await w.tick();
    await w.deliverIntegrations(); // dispatch: both deliveries are queued
    const patched = await client.json(`/api/webhook-endpoints/${disabled.id}`, { enabled: false }, "PATCH");
    expect(patched.body.endpoint.enabled).toBe(false);
    await w.deliverIntegrations();
    await schedulePost(client, accountId, videoId, { scheduledAt: w.at(7200_000) });
    await tickAndDrain(w);
    expect(await received(on)).toHaveLength(2);
    expect(await received(off)).toEqual([]);
    const [delivery] = (await client.json(`/api/webhook-endpoints/${disabled.id}/deliveries`)).body.deliveries;
    expect(delivery).toMatchObject({ status: "failed", error: "endpoint disabled", responseStatus: null });
    expect((await client.json(`/api/webhook-endpoints/${disabled.id}/test`, {})).status).toBe(409);
  });

  it("reports a video judged ready and one rejected, each once, the video as GET /api/videos/:id shows it", async () => {
    w = await world();
    const client = await signedUpClient(w.fetcher);
    const name = unique("hook");
    await register(client, name, ["video.ready", "video.rejected"]);
    const { videoId: good } = await uploadVideo(client);
    const { videoId: bad } = await uploadVideo(client, new TextEncoder().encode("not a video at all, just words ".repeat(40)));
    await probeNow(good); // a redelivered probe message judges nothing twice
    await tickAndDrain(w);
    const events = (await received(name)).map((r) => JSON.parse(r.body));
    expect(events.map((e) => [e.type, e.data.video.id])).toEqual([
      ["video.ready", good],
      ["video.rejected", bad],
    ]);
    expect(events[0].data.video).toEqual((await client.json(`/api/videos/${good}`)).body.video);
    expect(events[1].data.video).toMatchObject({ status: "rejected", problems: [expect.objectContaining({ code: "unreadable" })] });
  });

  it("reports an account that needs reconnecting, once", async () => {
    const { client, accountId, videoId, username } = await setup();
    const name = unique("hook");
    await register(client, name, ["account.needs_reconnect"]);
    await emu(`/__emu/users/${username}/revoke`, "POST", {});
    await rows("UPDATE tiktok_accounts SET access_expires_at = 0 WHERE id = ?", accountId);
    const posts = [await schedulePost(client, accountId, videoId, { scheduledAt: w.at(2_000) })];
    posts.push(await schedulePost(client, accountId, videoId, { scheduledAt: w.at(4_000) }));
    const done = await w.publish(
      client,
      [accountId],
      posts.map((p) => p.id),
    );
    expect(done.map((d) => d.post.lastError?.code)).toContain("account_needs_reconnect");
    await tickAndDrain(w);
    const events = (await received(name)).map((r) => JSON.parse(r.body));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "account.needs_reconnect", data: { account: { id: accountId, status: "needs_reconnect" } } });
    expect(events[0].data.account.statusReason).toContain("Reconnect");
  });

  it("accepts only public https URLs (loopback http only in development), for admins only, and deletes with the log", async () => {
    const { client } = await setup();
    for (const url of [
      "http://hooks.example.com/x",
      "https://10.0.0.8/x",
      "https://192.168.1.2/x",
      "https://[::1]/x",
      "https://intranet/x",
      "ftp://example.com/x",
      "https://user:pw@example.com/x",
    ]) {
      const res = await client.json("/api/webhook-endpoints", { url, events: ["post.failed"] });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toBe("invalid_url");
    }
    expect((await client.json("/api/webhook-endpoints", { url: "https://hooks.example.com/x", events: ["post.failed"] })).status).toBe(201);
    const bad = await client.json("/api/webhook-endpoints", { url: "https://hooks.example.com/x", events: ["post.nope"] });
    expect(bad.status).toBe(400);
    const editor = await invited(client, "editor", w.fetcher);
    expect(
      (await editor.client.json("/api/webhook-endpoints", { url: "https://hooks.example.com/y", events: ["post.failed"] })).status,
    ).toBe(403);

    const production = await world(w.now(), { APP_URL: "https://postflare.example" });
    const prodClient = await signedUpClient(production.fetcher);
    const refused = await prodClient.json("/api/webhook-endpoints", { url: sinkUrl("x"), events: ["post.failed"] });
    expect(refused.status).toBe(400);

    const endpoint = await register(client, unique("hook"), ["post.failed"]);
    await client.json(`/api/webhook-endpoints/${endpoint.id}/test`, {});
    expect((await client.fetch(`/api/webhook-endpoints/${endpoint.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await rows("SELECT id FROM webhook_deliveries WHERE endpoint_id = ?", endpoint.id)).toEqual([]);
    expect((await client.fetch(`/api/webhook-endpoints/${endpoint.id}`, { method: "DELETE" })).status).toBe(404);
  });
});
