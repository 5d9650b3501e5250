// POST /v2/oauth/token/: authorization_code, and refresh_token with strict rotation by default; flat JSON bodies.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { Ctx, EmuEnv } from "../core/http.ts";
import type { Form } from "./client-request.ts";
import { oauthFail, prelude } from "./client-request.ts";
import { issueTokens } from "./token-grants.ts";

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

export function tokenRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();

  app.post("/v2/oauth/token/", async (c) => {
    const form = await prelude(emu, c);
    if (form instanceof Response) return form;
    if (!form.grant_type) return oauthFail(emu, c, 400, "invalid_request", "Missing grant_type.");
    if (form.grant_type === "authorization_code") return exchangeCode(emu, c, form);
    if (form.grant_type === "refresh_token") return refresh(emu, c, form);
    return oauthFail(emu, c, 400, "unsupported_grant_type", `Unsupported grant_type: ${form.grant_type}`);
  });

  return app;
}
