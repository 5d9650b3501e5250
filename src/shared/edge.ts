// The hardened edge of the API: security headers on every /api response (errors and 404s included) and a size cap
// on request bodies, enforced before a body is read (Content-Length, or counting a streamed body).
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../env";
import { AppError } from "./errors";

/** JSON bodies are small (a caption is at most 2,200 characters); video parts and webhooks have their own caps. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * JSON answers are never documents: nothing may load from them or frame them. HSTS for a year with subdomains
 * (browsers ignore it over plain http); no referrer; a cross-origin-isolated opener.
 */
export const apiSecurityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
  strictTransportSecurity: "max-age=31536000; includeSubDomains",
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  crossOriginOpenerPolicy: "same-origin",
  crossOriginResourcePolicy: "same-origin",
});

/** Routes whose bodies are not JSON and are capped by their own handlers. */
const OWN_LIMIT = [/^\/api\/videos\/[^/]+\/parts\/[^/]+$/, /^\/api\/webhooks\/tiktok$/];

const tooLarge = (max: number) =>
  new AppError(413, "payload_too_large", `The request body must be at most ${max} bytes`, { maxBytes: max });

export const jsonBodyLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (OWN_LIMIT.some((pattern) => pattern.test(c.req.path))) return next();
  return bodyLimit({
    maxSize: MAX_JSON_BODY_BYTES,
    onError: () => {
      throw tooLarge(MAX_JSON_BODY_BYTES);
    },
  })(c, next);
};

/** Reads a body as text, refusing (413) before reading when it announces more than `max` bytes, or as soon as it exceeds it. */
export async function readCapped(request: Request, max: number): Promise<string> {
  const announced = Number(request.headers.get("content-length") ?? "0");
  if (announced > max) throw tooLarge(max);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
