// One attempt of one webhook delivery: claim it, POST the event's fixed body signed for this second, record the
// answer (status and the first 500 characters), and on a failure queue the next attempt after its backoff.
import type { Database } from "../db/client";
import { endpointOwner, openSecret } from "../shared/sealed-secret";
import type { TokenCipher } from "../shared/token-cipher";
import { nextAttemptAt } from "./delivery-retry";
import { claimDelivery, finishAttempt } from "./endpoints.repo";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

const TIMEOUT_MS = 10_000;
const LEASE_MS = 60_000;
const EXCERPT_CHARS = 500;

export type Resend = (deliveryId: string, delaySeconds: number) => Promise<void>;

export async function attemptDelivery(db: Database, cipher: TokenCipher, deliveryId: string, now: number, resend: Resend) {
  const claimed = await claimDelivery(db, deliveryId, now, LEASE_MS);
  if (!claimed) return;
  const { delivery, endpoint, event } = claimed;
  // A disabled endpoint gets nothing, not even what was queued for it before it was disabled.
  if (!endpoint.enabled || event.payload === null) {
    await finishAttempt(db, deliveryId, { status: "failed", error: endpoint.enabled ? "event has no body" : "endpoint disabled" });
    return;
  }
  const secret = await openSecret(cipher, endpointOwner(endpoint.id), endpoint.secret);
  const outcome = await post(endpoint.url, secret, event, now);
  if (outcome.ok) {
    await finishAttempt(db, deliveryId, { status: "delivered", nextAttemptAt: null, ...outcome.record });
    return;
  }
  const next = nextAttemptAt(delivery.createdAt, delivery.attempts, now);
  await finishAttempt(db, deliveryId, { status: next === null ? "failed" : "pending", nextAttemptAt: next, ...outcome.record });
  if (next !== null) await resend(deliveryId, Math.ceil((next - now) / 1000));
}

async function post(url: string, secret: string, event: { id: string; type: string; payload: string | null }, now: number) {
  const body = event.payload!;
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Postflare-Webhooks/1.0",
        [SIGNATURE_HEADER]: await signatureHeader(secret, body, now),
        "Postflare-Event-Id": event.id,
        "Postflare-Event-Type": event.type,
      },
      body,
    });
    const excerpt = (await response.text()).slice(0, EXCERPT_CHARS);
    const record = { responseStatus: response.status, responseExcerpt: excerpt, error: null };
    return { ok: response.status >= 200 && response.status < 300, record };
  } catch (error) {
    return { ok: false, record: { responseStatus: null, responseExcerpt: null, error: String(error).slice(0, EXCERPT_CHARS) } };
  }
}
