// /api/auth/* and /api/me: sign up, sign in, sign out, who am I. Sign-in is throttled per email and per client
// address, sign-up per address (progressive delay, 429 + Retry-After), identically for known and unknown emails.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { audit } from "../audit/audit";
import type { AppEnv } from "../env";
import { errorResponses, json, jsonBody, router, throttledResponse } from "../shared/http";
import { clientAddress, refund, resetThrottle, throttleAll } from "../throttle/throttle";
import { Credentials, Identity } from "./auth.schemas";
import { type Identity as IdentityValue, identityOf, logIn, signUp } from "./auth.service";
import { guard } from "./guard";
import { endSession, startSession } from "./session";

const signupRoute = createRoute({
  method: "post",
  path: "/auth/signup",
  tags: ["auth"],
  request: { body: jsonBody(Credentials) },
  responses: {
    201: json(Identity, "Signed up (or, for an existing account with this password, signed in)"),
    ...errorResponses,
    ...throttledResponse,
  },
});

const loginRoute = createRoute({
  method: "post",
  path: "/auth/login",
  tags: ["auth"],
  request: { body: jsonBody(Credentials) },
  responses: { 200: json(Identity, "Signed in"), ...errorResponses, ...throttledResponse },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/auth/logout",
  tags: ["auth"],
  responses: { 204: { description: "Signed out" }, 403: errorResponses[403] },
});

const meRoute = createRoute({
  method: "get",
  path: "/me",
  tags: ["auth"],
  ...guard("user"),
  responses: { 200: json(Identity), ...errorResponses },
});

/** Runs a credential check under the sign-in throttles; success clears the email's count and refunds the address. */
async function underSignInThrottle(
  c: Context<AppEnv>,
  email: string,
  extra: "sign_up_address" | null,
  check: () => Promise<IdentityValue>,
) {
  const address = clientAddress(c);
  const keys = [
    { name: "sign_in_email" as const, key: email },
    { name: "sign_in_address" as const, key: address },
    ...(extra ? [{ name: extra, key: address }] : []),
  ];
  await throttleAll(c, keys);
  const identity = await check();
  await Promise.all([resetThrottle(c, "sign_in_email", email), refund(c, "sign_in_address", address)]);
  const sessionId = await startSession(c, identity.user.id, identity.workspace.id);
  const { user, workspace } = identity;
  c.set("session", { userId: user.id, workspaceId: workspace.id, email, role: workspace.role, via: "session", sessionId, tokenId: null });
  await audit(c, "auth.sign_in", identity.user.id);
  return identity;
}

export const authRoutes = router()
  .openapi(signupRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const identity = await underSignInThrottle(c, email, "sign_up_address", () => signUp(c.var.db, email, password, c.var.now));
    return c.json(identity, 201);
  })
  .openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const identity = await underSignInThrottle(c, email, null, () => logIn(c.var.db, email, password, c.var.now));
    return c.json(identity, 200);
  })
  .openapi(logoutRoute, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })
  .openapi(meRoute, async (c) => {
    const { userId, workspaceId } = c.get("session");
    return c.json(await identityOf(c.var.db, userId, workspaceId), 200);
  });
