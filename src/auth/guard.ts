// Route guards: each route declares, in one place, who may call it (`...guard("editor")` in its createRoute), and
// the OpenAPI document carries that need (`x-role`) so the authorisation tests can list every route from it.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../shared/errors";
import { principalOf } from "./principal";
import { atLeast, type Role } from "./roles";
import { sessionToken } from "./session";

/** A workspace role, or "user": any signed-in person, whatever their role (their own account, their workspaces). */
export type Need = Role | "user";

async function signedIn(c: Context<AppEnv>) {
  const principal = await principalOf(c);
  if (!principal)
    throw new AppError(401, "unauthenticated", sessionToken(c) ? "Your session has ended; sign in again" : "Sign in to continue");
  return principal;
}

/** Requires a signed-in caller (session or API token) whose role in the current workspace grants `needed`. */
export function requireRole(needed: Need): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await signedIn(c);
    if (needed !== "user" && !atLeast(principal.role, needed)) {
      throw new AppError(403, "forbidden", `This needs the ${needed} role or higher in this workspace (you are ${principal.role})`);
    }
    await next();
  };
}

/** Requires the person themselves (their browser session), not an API token: account security, tokens, sessions. */
export const requirePerson: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = await signedIn(c);
  if (principal.via !== "session")
    throw new AppError(403, "session_required", "Sign in with your password for this; API tokens cannot do it");
  await next();
};

/** Any member of the current workspace (read access). Kept for routes written before roles existed. */
export const requireSession = requireRole("viewer");

/** Both ways in, for the OpenAPI document (generated clients send one of them). */
type SecurityRequirement = Record<string, string[]>;
export const SECURITY: SecurityRequirement[] = [{ cookieAuth: [] }, { bearerAuth: [] }];
const PERSON_SECURITY: SecurityRequirement[] = [{ cookieAuth: [] }];

/**
 * What a route spreads into its createRoute: the guard middleware, the security requirement, and `x-role` (plus
 * `x-person-only` when an API token may not call it).
 */
export function guard(needed: Need, options: { personOnly?: boolean } = {}) {
  const middleware = options.personOnly ? [requireRole(needed), requirePerson] : [requireRole(needed)];
  return {
    middleware,
    security: options.personOnly ? PERSON_SECURITY : SECURITY,
    "x-role": needed,
    ...(options.personOnly ? { "x-person-only": true } : {}),
  };
}
