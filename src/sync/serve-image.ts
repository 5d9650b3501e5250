// Serves a copied TikTok image from R2: the type stored when its bytes were checked (image-copy.ts), never sniffed
// by the browser, cached privately (the URLs are versioned or never change).
export async function serveImage(bucket: R2Bucket, key: string | null): Promise<Response | null> {
  if (!key) return null;
  const object = await bucket.get(key);
  if (!object) return null;
  return new Response(object.body, {
    status: 200,
    headers: {
      "Content-Type": object.httpMetadata?.contentType ?? "application/octet-stream",
      "Content-Length": String(object.size),
      "Cache-Control": "private, max-age=86400",
      ETag: object.httpEtag,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
