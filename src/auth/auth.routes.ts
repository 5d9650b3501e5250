// /api/auth/* and /api/me: sign up, sign in, sign out, who am I.
import { createRoute } from "@hono/zod-openapi";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { Credentials, Identity } from "./auth.schemas";
import { identityOf, logIn, signUp } from "./auth.service";
import { endSession, requireSession, startSession } from "./session";

const signupRoute = createRoute({
  method: "post",
  path: "/auth/signup",
  tags: ["auth"],
  request: { body: jsonBody(Credentials) },
  responses: { 201: json(Identity, "Signed up and signed in"), ...errorResponses },
});

const loginRoute = createRoute({
  method: "post",
  path: "/auth/login",
  tags: ["auth"],
  request: { body: jsonBody(Credentials) },
  responses: { 200: json(Identity, "Signed in"), ...errorResponses },
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
  middleware: [requireSession] as const,
  responses: { 200: json(Identity), ...errorResponses },
});

export const authRoutes = router()
  .openapi(signupRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const identity = await signUp(c.var.db, email, password, c.var.now);
    await startSession(c, identity.user.id, identity.workspace.id);
    return c.json(identity, 201);
  })
  .openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const identity = await logIn(c.var.db, email, password);
    await startSession(c, identity.user.id, identity.workspace.id);
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
