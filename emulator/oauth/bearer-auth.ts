// Bearer access-token validation and scope checks for data endpoints.
import type { MiddlewareHandler } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { Ctx, EmuEnv } from "../core/http.ts";
import { fail } from "../core/http.ts";

export function bearer(emu: Emulator): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
    const token = m ? emu.state.accessTokens.get(m[1]) : undefined;
    if (!token || token.revoked || token.expiresAt <= emu.now()) {
      return fail(c, 401, "access_token_invalid", "The access token is invalid or not found in the request.");
    }
    c.set("token", token);
    c.set("openId", token.openId);
    await next();
  };
}

/** 401 scope_not_authorized unless the token carries one of `anyOf`. */
export function requireScope(...anyOf: string[]): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    if (!hasScope(c, anyOf)) {
      return fail(
        c,
        401,
        "scope_not_authorized",
        `The user did not authorize the scope required for this endpoint (${anyOf.join(" or ")}).`,
      );
    }
    await next();
  };
}

export function hasScope(c: Ctx, anyOf: string[]): boolean {
  const scopes = c.get("token")?.scopes ?? [];
  return anyOf.some((s) => scopes.includes(s));
}
