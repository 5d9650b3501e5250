// The TikTok-Signature header (tiktok-api.md §7): HMAC-SHA256 over the timestamp and the raw body.
import { createHmac } from "node:crypto";

/** `t=<unix s>,s=<hex HMAC-SHA256(client_secret, t + "." + rawBody)>`. */
export function signWebhook(secret: string, rawBody: string, t: number): string {
  const s = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex");
  return `t=${t},s=${s}`;
}
