// CSRF defence for cookie-authenticated state changes: the request must come from our own origin.
// Browsers send Origin (and Sec-Fetch-Site) on every non-GET request; clients without them (curl,
// scripts) carry no ambient browser cookies, so they are allowed (OWASP CSRF cheat sheet, "Verifying Origin").
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../shared/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
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
