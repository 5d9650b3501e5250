// One webhook POST with bounded retries: non-200 or unreachable ⇒ retried with exponential backoff.
import type { Emulator } from "../core/emulator.ts";
import type { Ledger } from "../core/types.ts";
import { signWebhook } from "./signature.ts";

export type WebhookEntry = Ledger["webhooks"][number];

export async function deliver(emu: Emulator, url: string, body: string, entry: WebhookEntry): Promise<void> {
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
