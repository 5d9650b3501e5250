// Who is calling: the one place that turns a request's credentials into a principal (user, workspace, role).
// An `Authorization: Bearer` API token wins over a cookie; a bad token is a 401, never a fall back to the cookie.
// Other entry points (the MCP endpoint) call `authenticate` with the request's headers.
import type { Context } from "hono";
import type { Database } from "../db/client";
import type { AppEnv, Session } from "../env";
import { sha256Hex } from "../shared/crypto";
import { AppError } from "../shared/errors";
import { findLiveToken, touchToken } from "../tokens/tokens.repo";
import { weaker } from "./roles";
import { SESSION_IDLE_MS, SESSION_TOUCH_MS, sessionToken } from "./session";
import { findLiveSession, touchSession } from "./sessions.repo";

const TOKEN_TOUCH_MS = 60_000;

export type Principal = Session;

export const invalidToken = () => new AppError(401, "invalid_token", "This API token is not valid (revoked, expired or mistyped)");

/** The bearer token of an `Authorization` header; null when there is none; 401 when the header is malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  if (!match) throw invalidToken();
  return match[1]!;
}

async function fromToken(db: Database, token: string, now: number): Promise<Principal> {
  const row = await findLiveToken(db, await sha256Hex(token));
  if (!row) throw invalidToken();
  if (row.lastUsedAt === null || now - row.lastUsedAt >= TOKEN_TOUCH_MS) await touchToken(db, row.id, now);
  const role = row.roleLimit ? weaker(row.role, row.roleLimit) : row.role;
  return { userId: row.userId, workspaceId: row.workspaceId, email: row.email, role, via: "token", sessionId: null, tokenId: row.id };
}

async function fromCookie(db: Database, token: string, now: number): Promise<Principal | null> {
  const row = await findLiveSession(db, await sha256Hex(token), now, SESSION_IDLE_MS);
  if (!row) return null;
  if (now - row.lastSeenAt >= SESSION_TOUCH_MS) await touchSession(db, row.id, now);
  return {
    userId: row.userId,
    workspaceId: row.workspaceId,
    email: row.email,
    role: row.role,
    via: "session",
    sessionId: row.id,
    tokenId: null,
  };
}

/** Resolves credentials: a principal, null when none were presented (or the session ended), 401 for a bad token. */
export async function authenticate(
  db: Database,
  credentials: { authorization?: string; sessionToken?: string | null },
  now: number,
): Promise<Principal | null> {
  const bearer = bearerToken(credentials.authorization);
  if (bearer) return fromToken(db, bearer, now);
  return credentials.sessionToken ? fromCookie(db, credentials.sessionToken, now) : null;
}

/** The request's principal, resolved at most once per request. */
export async function principalOf(c: Context<AppEnv>): Promise<Principal | null> {
  if (c.var.session) return c.var.session;
  const principal = await authenticate(
    c.var.db,
    { authorization: c.req.header("authorization"), sessionToken: sessionToken(c) },
    c.var.now,
  );
  if (principal) c.set("session", principal);
  return principal;
}

/** Does the request carry an API token (and so no ambient browser credential to defend)? */
export const hasBearer = (c: Context<AppEnv>) => /^Bearer\s/i.test(c.req.header("authorization") ?? "");
