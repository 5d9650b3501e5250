// Signed webhook delivery (tiktok-api.md §7): TikTok-Signature HMAC, duplicates, reordering, bounded retries.
import { createHmac } from "node:crypto";
import type { Emulator } from "../core/emulator.ts";

export type WebhookEventName =
  | "post.publish.complete"
  | "post.publish.failed"
  | "post.publish.inbox_delivered"
  | "post.publish.publicly_available"
  | "authorization.removed";

/** `t=<unix s>,s=<hex HMAC-SHA256(client_secret, t + "." + rawBody)>`. */
export function signWebhook(secret: string, rawBody: string, t: number): string {
  const s = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex");
  return `t=${t},s=${s}`;
}

type Entry = Emulator["state"]["ledger"]["webhooks"][number];

export function emitWebhook(
  emu: Emulator,
  openId: string,
  event: WebhookEventName,
  content: Record<string, unknown>,
): void {
  const url = emu.options.webhookUrl;
  if (!url) return;
  const body = JSON.stringify({
    client_key: emu.options.clientKey,
    event,
    create_time: Math.floor(emu.now() / 1000),
    user_openid: openId,
    content: JSON.stringify(content), // a JSON string inside JSON: receivers parse twice
  });
  const publishId = typeof content.publish_id === "string" ? content.publish_id : null;
  for (let copy = 0; copy <= emu.options.webhookDuplicates; copy++) {
    const entry: Entry = { event, open_id: openId, publish_id: publishId, at: emu.now(), attempts: 0, status: null };
    emu.state.ledger.webhooks.push(entry);
    enqueue(emu, () => void deliver(emu, url, body, entry));
  }
}

function enqueue(emu: Emulator, send: () => void): void {
  if (!emu.options.webhookReorder) {
    emu.state.schedule(send, emu.options.webhookDelayMs);
    return;
  }
  // Reorder mode: events raised within one window are delivered newest-first.
  const state = emu.state;
  let buffer = state.webhookBuffer;
  if (!buffer) {
    const fresh: Array<() => void> = [];
    state.webhookBuffer = buffer = fresh;
    state.schedule(() => {
      if (state.webhookBuffer === fresh) state.webhookBuffer = null;
      for (const s of fresh.reverse()) s();
    }, Math.max(50, emu.options.webhookDelayMs));
  }
  buffer.push(send);
}

async function deliver(emu: Emulator, url: string, body: string, entry: Entry): Promise<void> {
  entry.attempts++;
  const t = Math.floor(emu.now() / 1000);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "TikTok-Signature": signWebhook(emu.options.clientSecret, body, t) },
      body,
    });
    await res.body?.cancel();
    entry.status = res.status;
    if (res.status === 200) return;
  } catch {
    entry.status = null; // receiver unreachable: retried like a non-200
  }
  if (entry.attempts < emu.options.webhookMaxAttempts) {
    const backoff = emu.options.webhookRetryDelayMs * 2 ** (entry.attempts - 1);
    emu.state.schedule(() => void deliver(emu, url, body, entry), backoff);
  }
}
