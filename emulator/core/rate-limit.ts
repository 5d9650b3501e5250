// Sliding one-minute windows (tiktok-api.md §5): per access token, or per app for the read endpoints; each endpoint has its own.
import type { MiddlewareHandler } from "hono";
import type { Emulator } from "./emulator.ts";
import type { EmuEnv } from "./http.ts";
import { fail } from "./http.ts";
import type { RateLimits } from "./options.ts";

/** `name` separates windows (e.g. video init vs inbox init); `limit` picks the configured quota. */
export function rateLimit(emu: Emulator, name: string, limit: keyof RateLimits): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    const token = c.get("token")?.token ?? "anonymous";
    if (!admit(emu, `${name}:${token}`, emu.options.limits[limit])) {
      return fail(c, 429, "rate_limit_exceeded", "API rate limit exceeded, please retry later.");
    }
    await next();
  };
}

/** The read endpoints (user/info, video/list, video/query): one window per app, or per token (`readLimitScope`). */
export function readRateLimit(emu: Emulator, name: string, limit: keyof RateLimits): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    const who = emu.options.readLimitScope === "app" ? "app" : (c.get("token")?.token ?? "anonymous");
    if (!admit(emu, `${name}:${who}`, emu.options.limits[limit])) {
      return fail(c, 429, "rate_limit_exceeded", "API rate limit exceeded, please retry later.");
    }
    await next();
  };
}

/** Rejected calls are not counted, so a client that waits out the window gets through. */
export function admit(emu: Emulator, key: string, limit: number): boolean {
  const now = emu.now();
  const since = now - emu.options.rateLimitWindowMs;
  const hits = (emu.state.rateWindows.get(key) ?? []).filter((t) => t > since);
  if (hits.length >= limit) {
    emu.state.rateWindows.set(key, hits);
    return false;
  }
  hits.push(now);
  emu.state.rateWindows.set(key, hits);
  return true;
}
