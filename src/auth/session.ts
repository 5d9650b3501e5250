// Session cookies: an opaque random token in an HttpOnly cookie (`__Host-` prefixed on https); only its SHA-256 is
// stored. A session ends at its absolute lifetime, after an idle spell, at logout, or when revoked.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { randomToken, sha256Hex } from "../shared/crypto";
import { deleteSession, insertSession } from "./sessions.repo";

/** Absolute lifetime: a session never outlives this, however busy. */
export const SESSION_MAX_MS = 7 * 24 * 3600 * 1000;
/** Idle timeout: a session unused this long ends. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** `last_seen_at` is written at most this often (reads stay reads). */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

const secure = (c: Context<AppEnv>) => c.env.APP_URL.startsWith("https://");

/** `__Host-pf_session` on https (Secure, Path=/, no Domain: the browser pins it to this origin), else `pf_session`. */
export const sessionCookieName = (c: Context<AppEnv>) => (secure(c) ? "__Host-pf_session" : "pf_session");

export const sessionToken = (c: Context<AppEnv>) => getCookie(c, sessionCookieName(c)) ?? null;

const userAgentOf = (c: Context<AppEnv>) =>
  c.req
    .header("user-agent")
    ?.replace(/[\p{Cc}]/gu, "")
    .slice(0, 200) ?? null;

export async function startSession(c: Context<AppEnv>, userId: string, workspaceId: string) {
  const token = randomToken();
  const { now } = c.var;
  const id = `ses_${randomToken(12)}`;
  await insertSession(c.var.db, {
    tokenHash: await sha256Hex(token),
    id,
    userId,
    workspaceId,
    expiresAt: now + SESSION_MAX_MS,
    lastSeenAt: now,
    userAgent: userAgentOf(c),
    createdAt: now,
  });
  setCookie(c, sessionCookieName(c), token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: secure(c),
    path: "/",
    maxAge: SESSION_MAX_MS / 1000,
  });
  return id;
}

export async function endSession(c: Context<AppEnv>) {
  const token = sessionToken(c);
  if (token) await deleteSession(c.var.db, await sha256Hex(token));
  clearSessionCookie(c);
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, sessionCookieName(c), { path: "/", secure: secure(c) });
}

export { requireSession } from "./guard";
