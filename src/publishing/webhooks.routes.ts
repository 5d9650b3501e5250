// POST /api/webhooks/tiktok: TikTok's signed event callbacks. Answer 200 quickly; unsigned or stale → 401.
// Exempt from the Origin check (the signature is the guard); the body is capped before it is read (413).
import { createRoute } from "@hono/zod-openapi";
import { sha256Hex } from "../shared/crypto";
import { readCapped } from "../shared/edge";
import { AppError } from "../shared/errors";
import { errorResponses, json, router } from "../shared/http";
import { verifyTikTokSignature } from "./webhook-signature";
import { applyWebhook, WebhookBody, type WebhookEvent } from "./webhooks";
import { recordReceipt, seenBefore } from "./webhooks.repo";
import { WebhookAck } from "./webhooks.schemas";

const webhookRoute = createRoute({
  method: "post",
  path: "/webhooks/tiktok",
  tags: ["webhooks"],
  responses: { 200: json(WebhookAck), ...errorResponses },
});

/** TikTok's events are a few hundred bytes; anything near this is not TikTok. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

export const webhookRoutes = router().openapi(webhookRoute, async (c) => {
  const raw = await readCapped(c.req.raw, MAX_WEBHOOK_BYTES);
  const { db, now } = c.var;
  if (!(await verifyTikTokSignature(raw, c.req.header("tiktok-signature"), c.env.TIKTOK_CLIENT_SECRET, now))) {
    throw new AppError(401, "invalid_signature", "Missing, invalid or stale TikTok-Signature");
  }
  let body: WebhookEvent;
  try {
    body = WebhookBody.parse(JSON.parse(raw));
  } catch {
    throw new AppError(400, "invalid_request", "Webhook body is not a TikTok event");
  }
  if (body.client_key !== c.env.TIKTOK_CLIENT_KEY) throw new AppError(401, "invalid_signature", "Event for another app");
  const bodyHash = await sha256Hex(raw);
  if (await seenBefore(db, bodyHash)) return c.json({ ok: true, duplicate: true }, 200);
  // Applying is conditional on each post's status, so a retry racing this one changes nothing twice;
  // the receipt is written only once the event is applied, so a failure here is retried by TikTok.
  const applied = await applyWebhook(c.env, db, body, now);
  await recordReceipt(db, bodyHash, body.event, now);
  if (applied) c.executionCtx.waitUntil(c.env.ACCOUNT_PUBLISHER.getByName(applied.accountId).settle(applied.postId));
  return c.json({ ok: true, duplicate: false }, 200);
});
