// GET/POST /v2/auth/authorize/: the consent page (or emu_auto for tests) and the redirect back with a code.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { Ctx, EmuEnv } from "../core/http.ts";
import { nextSerial, randomToken } from "../core/ids.ts";
import { check } from "./authorize-request.ts";
import { consentPage, errorPage, LOCKED_SCOPE } from "./consent-page.ts";

function back(c: Ctx, redirectUri: string, params: Record<string, string>): Response {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return c.redirect(url.toString(), 302);
}

function grant(emu: Emulator, c: Ctx, redirectUri: string, state: string, username: string, scopes: string[]): Response {
  const user = emu.upsertUser(username);
  // Real codes carry characters that need URL-encoding; clients must decode exactly once (§1.1).
  const code = `${randomToken(32)}*0!${nextSerial().slice(-4)}.va`;
  emu.state.codes.set(code, {
    code,
    clientKey: emu.options.clientKey,
    redirectUri,
    openId: user.openId,
    scopes,
    expiresAt: emu.now() + emu.options.authCodeTtlSec * 1000,
    used: false,
  });
  c.set("openId", user.openId);
  return back(c, redirectUri, { code, scopes: scopes.join(","), state });
}

const deny = (c: Ctx, redirectUri: string, state: string) =>
  back(c, redirectUri, { error: "access_denied", error_description: "The user denied the authorization request.", state });

const USERNAME = /^[A-Za-z0-9._]{2,24}$/;

/** GET: validate, then the consent page, or an immediate answer with emu_auto. */
function authorizePage(emu: Emulator, c: Ctx) {
  const q = c.req.query();
  const r = check(emu, q);
  if (r.kind === "page") return c.html(errorPage(r.error, r.description), 400);
  if (r.kind === "redirect") return back(c, r.redirectUri, { error: r.error, error_description: r.description, state: r.state });
  // Non-interactive mode for tests: emu_auto=approve|deny, emu_username, emu_scopes (subset granted).
  if (q.emu_auto === "deny") return deny(c, r.redirectUri, r.state);
  if (q.emu_auto === "approve") {
    const username = q.emu_username || emu.generatedUsername();
    if (!USERNAME.test(username)) return c.html(errorPage("invalid_request", "emu_username is not a valid username."), 400);
    const wanted = q.emu_scopes ? q.emu_scopes.split(",").map((s) => s.trim()) : r.scopes;
    const granted = r.scopes.filter((s) => wanted.includes(s) || s === LOCKED_SCOPE);
    return grant(emu, c, r.redirectUri, r.state, username, granted);
  }
  const session = randomToken(18);
  emu.state.consents.set(session, {
    id: session,
    redirectUri: r.redirectUri,
    state: r.state,
    scopes: r.scopes,
    expiresAt: emu.now() + 30 * 60_000,
  });
  return c.html(
    consentPage({
      session,
      clientKey: emu.options.clientKey,
      redirectUri: r.redirectUri,
      scopes: r.scopes,
      username: emu.generatedUsername(),
    }),
  );
}

/** POST: the consent form's submit, tied to the server-side session. */
async function submitConsent(emu: Emulator, c: Ctx) {
  const form = await c.req.parseBody({ all: true });
  const session = emu.state.consents.get(String(form.session ?? ""));
  if (!session || session.expiresAt <= emu.now()) {
    return c.html(errorPage("invalid_request", "The authorization session expired. Start again from the app."), 400);
  }
  emu.state.consents.delete(session.id);
  if (form.action !== "authorize") return deny(c, session.redirectUri, session.state);
  const username = String(form.username ?? "").trim();
  if (!USERNAME.test(username)) return c.html(errorPage("invalid_request", "Invalid username."), 400);
  const ticked = ([] as unknown[]).concat(form.scope ?? []).map(String);
  const granted = session.scopes.filter((s) => ticked.includes(s) || s === LOCKED_SCOPE);
  return grant(emu, c, session.redirectUri, session.state, username, granted);
}

export function authorizeRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.get("/v2/auth/authorize/", (c) => authorizePage(emu, c));
  app.post("/v2/auth/authorize/", (c) => submitConsent(emu, c));
  return app;
}
