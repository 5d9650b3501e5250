// TikTok webhook signatures: `TikTok-Signature: t=<unix s>,s=<hex HMAC-SHA256(client_secret, t + "." + raw body)>`
// (tiktok-api.md §7). Constant-time compare first, then a timestamp tolerance against replays.
import { constantTimeEqual, hmacSha256Hex } from "../shared/crypto";

export const SIGNATURE_TOLERANCE_S = 300;

export async function verifyTikTokSignature(rawBody: string, header: string | undefined, secret: string, nowMs: number) {
  const parts = Object.fromEntries(
    (header ?? "").split(",").map((p) => {
      const [k, ...v] = p.trim().split("=");
      return [k, v.join("=")];
    }),
  );
  const t = Number(parts.t);
  if (!parts.t || !parts.s || !Number.isFinite(t)) return false;
  const expected = await hmacSha256Hex(secret, `${parts.t}.${rawBody}`);
  if (!constantTimeEqual(expected, parts.s.toLowerCase())) return false;
  return Math.abs(nowMs / 1000 - t) <= SIGNATURE_TOLERANCE_S;
}
