// Copies a TikTok image (an avatar or a cover: signed URLs that expire) into R2 the first time it is seen, so the app
// serves it from its own route later. The type is decided by the bytes, never by TikTok's Content-Type header.

/** Avatars and covers are a few hundred KB; anything bigger is not what we asked for. */
export const MAX_IMAGE_BYTES = 5_000_000;
const TIMEOUT_MS = 10_000;

export type ImageType = "image/jpeg" | "image/png" | "image/webp" | "image/gif";

/** The image type its first bytes say, or null (HTML error pages, truncated bodies, anything else). */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return "image/gif";
  return null;
}

/** The body, up to `max` bytes (read as a stream; a longer body is refused, never buffered whole). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | null> {
  const reader = response.body?.getReader();
  if (!reader) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * Fetches `url` and stores it at `key`; the stored type, or null when it is not an image we can serve or TikTok's CDN
 * did not answer (logged: the sync goes on, and tries again the next time it sees the image).
 */
export async function copyImage(bucket: R2Bucket, url: string, key: string): Promise<ImageType | null> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    console.warn("image copy: TikTok's CDN did not answer", new URL(url).pathname, String(error));
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    console.warn("image copy: TikTok's CDN answered", response.status, new URL(url).pathname);
    return null;
  }
  const bytes = await readCapped(response, MAX_IMAGE_BYTES).catch(() => null);
  const type = bytes ? sniffImage(bytes) : null;
  if (!bytes || !type) {
    console.warn("image copy: not an image (or too large)", new URL(url).pathname);
    return null;
  }
  await bucket.put(key, bytes, { httpMetadata: { contentType: type } });
  return type;
}

/** The part of a signed TikTok image URL that names the picture (its signature and expiry dropped). */
export const imageSource = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};
