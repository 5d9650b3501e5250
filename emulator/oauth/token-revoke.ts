// POST /v2/oauth/token/ (authorization_code, refresh_token with strict rotation) and /v2/oauth/revoke/.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import { applyLatency, roll5xx } from "../core/faults.ts";
import type { Ctx, EmuEnv } from "../core/http.ts";
import { safeEqual } from "../core/ids.ts";
import { oauthFail } from "./client-request.ts";
import { issueTokens, revokeUser } from "./token-grants.ts";

type Form = Record<string, string>;

/** OAuth endpoints are form-encoded only (§0); anything else is invalid_request. */
async function readForm(c: Ctx): Promise<Form | null> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded")) return null;
  return Object.fromEntries(new URLSearchParams(await c.req.text()));
}

/** Shared prelude: faults, body shape and client authentication. Returns a Response on failure. */
async function prelude(emu: Emulator, c: Ctx): Promise<Form | Response> {
  await applyLatency(emu, null);
  if (roll5xx(emu, null)) return oauthFail(emu, c, 500, "server_error", "Internal error (emulator: injected).");
  const form = await readForm(c);
  if (!form) return oauthFail(emu, c, 400, "invalid_request", "The request body must be application/x-www-form-urlencoded.");
  if (!form.client_key || !form.client_secret) {
    return oauthFail(emu, c, 400, "invalid_request", "client_key and client_secret are required.");
  }
  const o = emu.options;
  if (form.client_key !== o.clientKey || !safeEqual(form.client_secret, o.clientSecret)) {
    return oauthFail(emu, c, 401, "invalid_client", "Client key or secret is incorrect.");
  }
  return form;
}

function exchangeCode(emu: Emulator, c: Ctx, form: Form): Response {
  if (!form.code) return oauthFail(emu, c, 400, "invalid_request", "Missing code.");
  const code = emu.state.codes.get(form.code);
  if (!code || code.used || code.expiresAt <= emu.now() || code.clientKey !== form.client_key) {
    return oauthFail(emu, c, 400, "invalid_grant", "Authorization code is expired, already used or invalid.");
  }
  if (form.redirect_uri !== code.redirectUri) {
    return oauthFail(emu, c, 400, "invalid_request", "Redirect_uri is not matched with the uri when requesting code.");
  }
  code.used = true;
  c.set("openId", code.openId);
  return c.json(issueTokens(emu, code.openId, code.scopes));
}

function refresh(emu: Emulator, c: Ctx, form: Form): Response {
  if (!form.refresh_token) return oauthFail(emu, c, 400, "invalid_request", "Missing refresh_token.");
  const old = emu.state.refreshTokens.get(form.refresh_token);
  if (!old || old.dead || old.expiresAt <= emu.now()) {
    return oauthFail(emu, c, 400, "invalid_grant", "Refresh token is invalid or expired.");
  }
  c.set("openId", old.openId);
  emu.state.ledger.tokenRefreshes.push({ open_id: old.openId, at: emu.now() });
  if (!emu.options.strictRotation) {
    // Legacy behaviour: same refresh token comes back, a new access token is minted.
    return c.json(issueTokens(emu, old.openId, old.scopes, { keepRefresh: old.token }));
  }
  // Strict rotation: the old refresh token dies at once (§1.4); old access tokens live until expiry.
  old.dead = true;
  return c.json(issueTokens(emu, old.openId, old.scopes, { chainExpiry: old.expiresAt }));
}

export function oauthRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();

  app.post("/v2/oauth/token/", async (c) => {
    const form = await prelude(emu, c);
    if (form instanceof Response) return form;
    if (!form.grant_type) return oauthFail(emu, c, 400, "invalid_request", "Missing grant_type.");
    if (form.grant_type === "authorization_code") return exchangeCode(emu, c, form);
    if (form.grant_type === "refresh_token") return refresh(emu, c, form);
    return oauthFail(emu, c, 400, "unsupported_grant_type", `Unsupported grant_type: ${form.grant_type}`);
  });

  app.post("/v2/oauth/revoke/", async (c) => {
    const form = await prelude(emu, c);
    if (form instanceof Response) return form;
    if (!form.token) return oauthFail(emu, c, 400, "invalid_request", "Missing token.");
    const token = emu.state.accessTokens.get(form.token);
    if (token) {
      c.set("openId", token.openId);
      revokeUser(emu, token.openId);
    }
    return c.json({});
  });

  return app;
}
