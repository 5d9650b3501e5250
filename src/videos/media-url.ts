// Short-lived signed URLs from which TikTok pulls a video (PULL_FROM_URL). The signature covers the video id and
// expiry, keyed with the key ring's own "media-url" key (HKDF from the master key: never the token cipher's key);
// links signed before a key rotation stay valid while the previous key is in the ring.
import { KeyRing } from "../shared/keyring";

/** TikTok may take up to an hour to download (tiktok-api.md §3.6); the URL outlives that. */
export const MEDIA_URL_TTL_MS = 2 * 60 * 60 * 1000;

const signingInput = (videoId: string, expiresAt: number) => `media-url:v2:${videoId}:${expiresAt}`;

export async function signedMediaUrl(env: Env, videoId: string, now: number): Promise<string> {
  const expiresAt = now + MEDIA_URL_TTL_MS;
  const url = new URL(`api/media/${videoId}`, env.MEDIA_BASE_URL.endsWith("/") ? env.MEDIA_BASE_URL : `${env.MEDIA_BASE_URL}/`);
  url.searchParams.set("exp", String(expiresAt));
  url.searchParams.set("sig", await KeyRing.fromEnv(env).sign("media-url", signingInput(videoId, expiresAt)));
  return url.toString();
}

export async function verifyMediaSignature(env: Env, videoId: string, exp: string, sig: string, now: number) {
  const expiresAt = Number(exp);
  if (!Number.isSafeInteger(expiresAt) || expiresAt < now) return false;
  return KeyRing.fromEnv(env).verify("media-url", signingInput(videoId, expiresAt), sig);
}
