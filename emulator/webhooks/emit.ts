// Webhook events (tiktok-api.md §7): body shape, ledger entries, duplicates and newest-first reordering.
import type { Emulator } from "../core/emulator.ts";
import type { WebhookEntry } from "./deliver.ts";
import { deliver } from "./deliver.ts";

export type WebhookEventName =
  | "post.publish.complete"
  | "post.publish.failed"
  | "post.publish.inbox_delivered"
  | "post.publish.publicly_available"
  | "authorization.removed";

export function emitWebhook(emu: Emulator, openId: string, event: WebhookEventName, content: Record<string, unknown>): void {
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
    const entry: WebhookEntry = { event, open_id: openId, publish_id: publishId, at: emu.now(), attempts: 0, status: null };
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
    state.schedule(
      () => {
        if (state.webhookBuffer === fresh) state.webhookBuffer = null;
        for (const s of fresh.reverse()) s();
      },
      Math.max(50, emu.options.webhookDelayMs),
    );
  }
  buffer.push(send);
}
