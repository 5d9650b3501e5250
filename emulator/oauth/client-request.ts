// Shared by the token and revoke endpoints: form-encoded body, faults, client authentication, flat OAuth errors (§1.7).
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Emulator } from "../core/emulator.ts";
import { applyLatency, roll5xx } from "../core/faults.ts";
import type { Ctx } from "../core/http.ts";
import { logId, safeEqual } from "../core/ids.ts";

/** Flat OAuth error (§1.7), optionally with HTTP 200 as some integrators see. */
export function oauthFail(emu: Emulator, c: Ctx, status: ContentfulStatusCode, error: string, description: string): Response {
  c.set("errCode", error);
  const httpStatus = emu.options.oauthErrorsWithHttp200 ? 200 : status;
  return c.json({ error, error_description: description, log_id: logId() }, httpStatus);
}

export type Form = Record<string, string>;

/** OAuth endpoints are form-encoded only (§0); anything else is invalid_request. */
async function readForm(c: Ctx): Promise<Form | null> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded")) return null;
  return Object.fromEntries(new URLSearchParams(await c.req.text()));
}

/** Shared prelude: faults, body shape and client authentication. Returns a Response on failure. */
export async function prelude(emu: Emulator, c: Ctx): Promise<Form | Response> {
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
