// Validates an authorize request (tiktok-api.md §1.1): client_key, redirect_uri, state, response_type, scopes.
import type { Emulator } from "../core/emulator.ts";
import { KNOWN_SCOPES } from "../core/options.ts";

/** `page`: shown as an HTML error (no redirect); `redirect`: sent back to the client with `error`. */
export type Check =
  | { kind: "page"; error: string; description: string }
  | { kind: "redirect"; redirectUri: string; state: string; error: string; description: string }
  | { kind: "ok"; redirectUri: string; state: string; scopes: string[] };

/** Web redirect URIs: absolute, static (no query, no fragment), < 512 chars (§1.1). http allowed for local dev. */
function acceptableRedirect(emu: Emulator, uri: string): boolean {
  if (emu.options.redirectUris.length > 0) return emu.options.redirectUris.includes(uri);
  if (uri.length >= 512 || uri.includes("#") || uri.includes("?")) return false;
  try {
    const u = new URL(uri);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false; // not an absolute URI
  }
}

export function check(emu: Emulator, q: Record<string, string | undefined>): Check {
  if (!q.client_key || q.client_key !== emu.options.clientKey) {
    return { kind: "page", error: "invalid_client", description: "client_key is missing or unknown." };
  }
  const redirectUri = q.redirect_uri ?? "";
  if (!acceptableRedirect(emu, redirectUri)) {
    return { kind: "page", error: "invalid_request", description: "redirect_uri is missing or not registered for this app." };
  }
  if (!q.state) return { kind: "page", error: "invalid_request", description: "state is required." };
  const state = q.state;
  if (q.response_type !== "code") {
    return { kind: "redirect", redirectUri, state, error: "unsupported_response_type", description: "response_type must be code." };
  }
  const scopes = (q.scope ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = scopes.filter((s) => !(KNOWN_SCOPES as readonly string[]).includes(s) || !emu.options.appScopes.includes(s));
  if (scopes.length === 0 || bad.length > 0) {
    const description = scopes.length === 0 ? "scope is required." : `Unknown or not enabled scope: ${bad.join(",")}`;
    return { kind: "redirect", redirectUri, state, error: "invalid_scope", description };
  }
  return { kind: "ok", redirectUri, state, scopes: [...new Set(scopes)] };
}
