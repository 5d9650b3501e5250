// CSRF defence for cookie-authenticated state changes: the request must come from our own origin.
// Browsers send Origin (and Sec-Fetch-Site) on every non-GET request; clients without them (curl,
// scripts) carry no ambient browser cookies, so they are allowed (OWASP CSRF cheat sheet, "Verifying Origin").
// Exempt: TikTok's signed webhook (the signature is the guard) and API-token requests without a session cookie
// (no ambient credential to abuse; a browser cannot add an Authorization header cross-site without CORS, which we never grant).
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../shared/errors";
import { hasBearer } from "./principal";
import { sessionToken } from "./session";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SIGNED_ROUTES = new Set(["/api/webhooks/tiktok"]);

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || SIGNED_ROUTES.has(c.req.path)) return next();
  if (hasBearer(c) && !sessionToken(c)) return next();
  const allowed = new Set([new URL(c.env.APP_URL).origin, new URL(c.req.url).origin]);
  const origin = c.req.header("origin");
  const fetchSite = c.req.header("sec-fetch-site");
  if (origin !== undefined && !allowed.has(origin)) {
    throw new AppError(403, "csrf_rejected", "Cross-site request refused");
  }
  if (origin === undefined && fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new AppError(403, "csrf_rejected", "Cross-site request refused");
  }
  await next();
};
