// Session cookies: an opaque random token in an HttpOnly cookie; only its SHA-256 is stored.
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { randomToken, sha256Hex } from "../shared/crypto";
import { AppError } from "../shared/errors";
import { deleteSession, findLiveSession, insertSession } from "./sessions.repo";

export const SESSION_COOKIE = "pf_session";
const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

export async function startSession(c: Context<AppEnv>, userId: string, workspaceId: string) {
  const token = randomToken();
  const { now } = c.var;
  await insertSession(c.var.db, {
    tokenHash: await sha256Hex(token),
    userId,
    workspaceId,
    expiresAt: now + SESSION_TTL_MS,
    createdAt: now,
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.env.APP_URL.startsWith("https://"),
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function endSession(c: Context<AppEnv>) {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await deleteSession(c.var.db, await sha256Hex(token));
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/** Requires a valid session and exposes it as c.get("session"). */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) throw new AppError(401, "unauthenticated", "Sign in to continue");
  const row = await findLiveSession(c.var.db, await sha256Hex(token), c.var.now);
  if (!row) throw new AppError(401, "unauthenticated", "Your session has ended; sign in again");
  c.set("session", row);
  await next();
};
