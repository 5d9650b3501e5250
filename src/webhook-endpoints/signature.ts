// The `Postflare-Signature` header, in the style Stripe and TikTok use: `t=<unix seconds>,v1=<hex HMAC-SHA256>`
// over `t + "." + raw body`, keyed by the endpoint's secret (its UTF-8 bytes). Receivers recompute and compare.
import { hmacSha256Hex, randomToken } from "../shared/crypto";

export const SIGNATURE_HEADER = "Postflare-Signature";

export const newSecret = () => `whsec_${randomToken(32)}`;

export async function signatureHeader(secret: string, body: string, now: number) {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${await hmacSha256Hex(secret, `${t}.${body}`)}`;
}
