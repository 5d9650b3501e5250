// Issuing, rotating and revoking OAuth tokens (tiktok-api.md §1.3-1.6).
import type { Emulator } from "../core/emulator.ts";
import { randomToken } from "../core/ids.ts";

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  open_id: string;
  refresh_token: string;
  refresh_expires_in: number;
  scope: string;
  token_type: "Bearer";
}

/**
 * `chainExpiry` carries the refresh lifetime of the original grant across rotations;
 * `keepRefresh` returns that refresh token again (non-strict rotation).
 */
export function issueTokens(
  emu: Emulator,
  openId: string,
  scopes: string[],
  opts: { chainExpiry?: number; keepRefresh?: string } = {},
): TokenResponse {
  const now = emu.now();
  const o = emu.options;
  const access = `act.${randomToken(30)}`;
  emu.state.accessTokens.set(access, { token: access, openId, scopes, expiresAt: now + o.accessTokenTtlSec * 1000, revoked: false });
  if (opts.keepRefresh) return tokenBody(emu, access, opts.keepRefresh, now);
  const chainExpiry = opts.chainExpiry;
  const refresh = `rft.${randomToken(30)}`;
  const refreshExpiry = chainExpiry && !o.refreshExtendsRefreshExpiry ? chainExpiry : now + o.refreshTokenTtlSec * 1000;
  emu.state.refreshTokens.set(refresh, { token: refresh, openId, scopes, expiresAt: refreshExpiry, dead: false });
  return tokenBody(emu, access, refresh, now);
}

/** `now` must be the issuing instant, so a fresh token reports exactly accessTokenTtlSec. */
export function tokenBody(emu: Emulator, access: string, refresh: string, now: number): TokenResponse {
  const a = emu.state.accessTokens.get(access);
  const r = emu.state.refreshTokens.get(refresh);
  if (!a || !r) throw new Error("tokenBody: unknown token");
  return {
    access_token: a.token,
    expires_in: Math.max(0, Math.floor((a.expiresAt - now) / 1000)),
    open_id: a.openId,
    refresh_token: r.token,
    refresh_expires_in: Math.max(0, Math.floor((r.expiresAt - now) / 1000)),
    scope: a.scopes.join(","),
    token_type: "Bearer",
  };
}

/** Revoking the authorization kills every token of that user for this app. */
export function revokeUser(emu: Emulator, openId: string): void {
  for (const t of emu.state.accessTokens.values()) if (t.openId === openId) t.revoked = true;
  for (const t of emu.state.refreshTokens.values()) if (t.openId === openId) t.dead = true;
}

/** Fault `expireTokens`: current access tokens (all, or one user's) expire now. */
export function expireAccessTokens(emu: Emulator, openId?: string): number {
  let n = 0;
  for (const t of emu.state.accessTokens.values()) {
    if ((openId && t.openId !== openId) || t.expiresAt <= emu.now()) continue;
    t.expiresAt = emu.now();
    n++;
  }
  return n;
}
