// TikTok's webhooks: only correctly signed, fresh events are accepted; each is applied once; and a late or
// out-of-order event never overwrites a post's final state.
import { describe, expect, it } from "vitest";
import { hmacSha256Hex } from "../../src/shared/crypto";
import { explain } from "../../src/tiktok/errors";
import { TEST_SECRETS } from "../secrets";
import { bareFetch, connectAccount, postRequest, rows, sha256Hex, signedUpClient, unique, uploadVideo } from "./helpers";

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The `TikTok-Signature` header TikTok sends: t=<unix s>,s=<hex HMAC-SHA256(secret, t + "." + raw body)>. */
async function signature(raw: string, t = nowSeconds(), secret = TEST_SECRETS.TIKTOK_CLIENT_SECRET) {
  return `t=${t},s=${await hmacSha256Hex(secret, `${t}.${raw}`)}`;
}

/** A raw TikTok webhook body for a publish event. */
function publishEvent(event: string, openId: string, content: Record<string, unknown>, createTime = nowSeconds()) {
  return JSON.stringify({
    client_key: TEST_SECRETS.TIKTOK_CLIENT_KEY,
    event,
    create_time: createTime,
    user_openid: openId,
    content: JSON.stringify({ publish_type: "DIRECT_PUBLISH", ...content }),
  });
}

/** Delivers a webhook the way TikTok does: no cookie, no Origin. */
async function deliver(raw: string, header?: string | null) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (header) headers["tiktok-signature"] = header;
  const res = await bareFetch("/api/webhooks/tiktok", { method: "POST", headers, body: raw });
  return { status: res.status, body: (await res.json()) as any };
}
const deliverSigned = async (raw: string) => deliver(raw, await signature(raw));

/** A post that the publisher has handed to TikTok: `publishing`, with TikTok's publish_id recorded. */
async function publishingPost() {
  const client = await signedUpClient();
  const { accountId, openId } = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  const { body } = await postRequest(client, { accountId, videoId });
  const postId = body.post.id as string;
  const publishId = `v_pub_file~v2-1.${unique("")}`;
  await rows(
    "UPDATE posts SET status = 'publishing', publish_id = ?, claim_token = 'claim-1', init_at = ? WHERE id = ?",
    publishId,
    Date.now(),
    postId,
  );
  const view = async () => (await client.json(`/api/posts/${postId}`)).body as { post: any; events: { type: string; message: string }[] };
  return { client, accountId, openId, postId, publishId, view };
}

const receipts = async (raw: string) =>
  rows("SELECT event FROM webhook_receipts WHERE body_hash = ?", await sha256Hex(new TextEncoder().encode(raw)));
const INVALID_SIGNATURE = { error: { code: "invalid_signature", message: "Missing, invalid or stale TikTok-Signature", details: null } };

describe("verifying TikTok's signature", () => {
  it("accepts a correctly signed, fresh event", async () => {
    const { openId, publishId } = await publishingPost();
    const raw = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "internal" });

    expect(await deliverSigned(raw)).toEqual({ status: 200, body: { ok: true, duplicate: false } });
    expect(await receipts(raw)).toEqual([{ event: "post.publish.failed" }]);
  });

  it("rejects an unsigned event and changes nothing", async () => {
    const { openId, publishId, view } = await publishingPost();
    const raw = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "internal" });

    expect(await deliver(raw, null)).toEqual({ status: 401, body: INVALID_SIGNATURE });
    expect((await view()).post.status).toBe("publishing");
    expect(await receipts(raw)).toEqual([]);
  });

  it("rejects a signature made with another secret, a tampered body, and a garbled header", async () => {
    const { openId, publishId, view } = await publishingPost();
    const raw = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "internal" });
    const tampered = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "spam_risk" });

    expect(await deliver(raw, await signature(raw, nowSeconds(), "not-the-client-secret"))).toEqual({
      status: 401,
      body: INVALID_SIGNATURE,
    });
    expect(await deliver(tampered, await signature(raw))).toEqual({ status: 401, body: INVALID_SIGNATURE });
    expect((await deliver(raw, "t=soon,s=zzzz")).status).toBe(401);
    expect((await deliver(raw, (await signature(raw)).replace(/,s=.*/, ""))).status).toBe(401);
    expect((await view()).post.status).toBe("publishing");
    expect(await receipts(raw)).toEqual([]);
  });

  it("verifies the raw bytes: the same event re-serialised differently is rejected", async () => {
    const { openId, publishId } = await publishingPost();
    const raw = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "internal" });
    const pretty = JSON.stringify(JSON.parse(raw), null, 2);

    expect((await deliver(pretty, await signature(raw))).status).toBe(401);
  });

  it("rejects a replay older than 300 seconds, or one dated more than 300 seconds ahead", async () => {
    const { openId, publishId, view } = await publishingPost();
    const raw = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "internal" });

    expect(await deliver(raw, await signature(raw, nowSeconds() - 301))).toEqual({ status: 401, body: INVALID_SIGNATURE });
    expect(await deliver(raw, await signature(raw, nowSeconds() + 301))).toEqual({ status: 401, body: INVALID_SIGNATURE });
    expect((await view()).post.status).toBe("publishing");

    // Inside the tolerance the same event is fine.
    expect((await deliver(raw, await signature(raw, nowSeconds() - 290))).status).toBe(200);
  });

  it("rejects a correctly signed event addressed to another TikTok app", async () => {
    const { openId, publishId, view } = await publishingPost();
    const raw = JSON.stringify({
      client_key: "someone-elses-client-key",
      event: "post.publish.failed",
      create_time: nowSeconds(),
      user_openid: openId,
      content: JSON.stringify({ publish_id: publishId, reason: "internal" }),
    });

    expect((await deliverSigned(raw)).status).toBe(401);
    expect((await view()).post.status).toBe("publishing");
  });
});

describe("applying publish events", () => {
  it("marks a publishing post failed with a message the creator understands", async () => {
    const { openId, publishId, view } = await publishingPost();
    const raw = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "spam_risk_too_many_posts" });

    expect((await deliverSigned(raw)).status).toBe(200);

    const { post, events } = await view();
    expect(post.status).toBe("failed");
    expect(post.lastError).toEqual({ code: "spam_risk_too_many_posts", message: explain("spam_risk_too_many_posts") });
    expect(post.lastError.message).toContain("daily posting limit");
    expect(events.at(-1)).toMatchObject({ type: "webhook:post.publish.failed", message: explain("spam_risk_too_many_posts") });
  });

  it("applies the same delivery only once, answering the duplicate with duplicate:true", async () => {
    const { openId, publishId, postId, view } = await publishingPost();
    const raw = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "internal" });

    expect(await deliverSigned(raw)).toEqual({ status: 200, body: { ok: true, duplicate: false } });
    expect(await deliverSigned(raw)).toEqual({ status: 200, body: { ok: true, duplicate: true } });

    expect(await receipts(raw)).toHaveLength(1);
    expect((await view()).events.filter((e) => e.type.startsWith("webhook:"))).toHaveLength(1);
    expect(await rows("SELECT count(*) AS n FROM post_events WHERE post_id = ? AND type = 'webhook:post.publish.failed'", postId)).toEqual([
      { n: 1 },
    ]);
  });

  it("never lets a late post.publish.complete overwrite a post that already failed", async () => {
    const { openId, publishId, view } = await publishingPost();
    const failed = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "duration_check_failed" });
    expect((await deliverSigned(failed)).status).toBe(200);
    const before = await view();

    const late = publishEvent("post.publish.complete", openId, { publish_id: publishId }, nowSeconds() - 30);
    expect(await deliverSigned(late)).toEqual({ status: 200, body: { ok: true, duplicate: false } });

    const after = await view();
    expect(after.post.status).toBe("failed");
    expect(after.post.lastError).toEqual({ code: "duration_check_failed", message: explain("duration_check_failed") });
    expect(after.post.timing.completedAt).toBeNull();
    expect(after.events).toEqual(before.events);
  });

  it("marks a publishing post published on post.publish.complete, then records its public id as a string", async () => {
    const { openId, publishId, view, client, accountId } = await publishingPost();
    const complete = publishEvent("post.publish.complete", openId, { publish_id: publishId });
    expect((await deliverSigned(complete)).status).toBe(200);
    expect((await view()).post.status).toBe("published");

    // 19-digit ids exceed 2^53: they must arrive intact (TikTok sends post_id as a string in webhooks).
    const available = publishEvent("post.publish.publicly_available", openId, { publish_id: publishId, post_id: "7311111111111111111" });
    expect((await deliverSigned(available)).status).toBe(200);

    const { post, events } = await view();
    expect(post.status).toBe("published");
    expect(post.tiktokPostId).toBe("7311111111111111111");
    const username = (await client.json("/api/accounts")).body.accounts.find((a: { id: string }) => a.id === accountId).username;
    expect(post.tiktokUrl).toBe(`https://www.tiktok.com/@${username}/video/7311111111111111111`);
    expect(events.map((e) => e.type).slice(-2)).toEqual(["webhook:post.publish.complete", "webhook:post.publish.publicly_available"]);
  });

  it("ignores an event for a publish it does not know, and a failure for a post that is not publishing", async () => {
    const { openId, publishId, postId, view } = await publishingPost();
    await rows("UPDATE posts SET status = 'cancelled' WHERE id = ?", postId);

    const unknown = publishEvent("post.publish.failed", openId, { publish_id: "v_pub_file~v2-1.unknown", reason: "internal" });
    expect(await deliverSigned(unknown)).toEqual({ status: 200, body: { ok: true, duplicate: false } });
    const forCancelled = publishEvent("post.publish.failed", openId, { publish_id: publishId, reason: "internal" });
    expect((await deliverSigned(forCancelled)).status).toBe(200);

    const { post, events } = await view();
    expect(post.status).toBe("cancelled");
    expect(post.lastError).toBeNull();
    expect(events.map((e) => e.type)).toEqual(["scheduled"]);
  });

  it("refuses a signed event whose content is unreadable with a 400, and does not mark it received", async () => {
    // Otherwise TikTok's retry of the same body would be answered "duplicate" and the event lost.
    const { openId, view } = await publishingPost();
    const raw = JSON.stringify({
      client_key: TEST_SECRETS.TIKTOK_CLIENT_KEY,
      event: "post.publish.failed",
      create_time: nowSeconds(),
      user_openid: openId,
      content: "{not json",
    });

    const res = await deliverSigned(raw);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(await receipts(raw)).toEqual([]);
    expect((await view()).post.status).toBe("publishing");
  });

  it("marks the account disconnected when the creator removes access in TikTok, so nothing more is scheduled to it", async () => {
    const { openId, accountId, client } = await publishingPost();
    const raw = JSON.stringify({
      client_key: TEST_SECRETS.TIKTOK_CLIENT_KEY,
      event: "authorization.removed",
      create_time: nowSeconds(),
      user_openid: openId,
      content: JSON.stringify({ reason: 1 }),
    });

    expect((await deliverSigned(raw)).status).toBe(200);

    const account = (await client.json("/api/accounts")).body.accounts.find((a: { id: string }) => a.id === accountId);
    expect(account).toMatchObject({ status: "disconnected", statusReason: "Access was removed in TikTok. Reconnect the account." });
    const { videoId } = await uploadVideo(client);
    const refused = await postRequest(client, { accountId, videoId });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("account_needs_reconnect");
  });
});
