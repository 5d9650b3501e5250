// A person's own sessions: list them, end one, log out everywhere, change the password (which ends every other
// session). Only the person themselves (their session, not an API token) may do these.
import { createRoute } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import { notFound } from "../shared/errors";
import { errorResponses, iso, json, jsonBody, router, throttledResponse } from "../shared/http";
import { resetThrottle, throttle } from "../throttle/throttle";
import { PasswordChange, SessionId, SessionList } from "./auth.schemas";
import { changePassword } from "./auth.service";
import { guard } from "./guard";
import { clearSessionCookie, SESSION_IDLE_MS } from "./session";
import { deleteUserSession, deleteUserSessions, listSessions } from "./sessions.repo";

const person = guard("user", { personOnly: true });

const listRoute = createRoute({
  method: "get",
  path: "/sessions",
  tags: ["auth"],
  ...person,
  responses: { 200: json(SessionList), ...errorResponses },
});

const revokeRoute = createRoute({
  method: "delete",
  path: "/sessions/{id}",
  tags: ["auth"],
  ...person,
  request: { params: SessionId },
  responses: { 204: { description: "That session has ended" }, ...errorResponses },
});

const everywhereRoute = createRoute({
  method: "post",
  path: "/auth/logout-everywhere",
  tags: ["auth"],
  ...person,
  responses: { 204: { description: "Every session of this user has ended, this one included" }, ...errorResponses },
});

const passwordRoute = createRoute({
  method: "post",
  path: "/auth/password",
  tags: ["auth"],
  ...person,
  request: { body: jsonBody(PasswordChange) },
  responses: { 204: { description: "Password changed; every other session has ended" }, ...errorResponses, ...throttledResponse },
});

export const sessionRoutes = router()
  .openapi(listRoute, async (c) => {
    const { userId, sessionId } = c.get("session");
    const rows = await listSessions(c.var.db, userId, c.var.now, SESSION_IDLE_MS);
    const sessions = rows.map((r) => ({
      id: r.id,
      createdAt: iso(r.createdAt)!,
      lastSeenAt: iso(r.lastSeenAt)!,
      expiresAt: iso(Math.min(r.expiresAt, r.lastSeenAt + SESSION_IDLE_MS))!,
      userAgent: r.userAgent,
      current: r.id === sessionId,
    }));
    return c.json({ sessions }, 200);
  })
  .openapi(revokeRoute, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await deleteUserSession(c.var.db, c.get("session").userId, id))) throw notFound("Session");
    if (id === c.get("session").sessionId) clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(everywhereRoute, async (c) => {
    await deleteUserSessions(c.var.db, c.get("session").userId);
    clearSessionCookie(c);
    await audit(c, "auth.logout_everywhere");
    return c.body(null, 204);
  })
  .openapi(passwordRoute, async (c) => {
    const { userId, email, sessionId } = c.get("session");
    const { currentPassword, newPassword } = c.req.valid("json");
    // Guessing the current password is a sign-in attempt: it shares the per-email throttle.
    await throttle(c, "sign_in_email", email);
    await changePassword(c.var.db, userId, currentPassword, newPassword);
    await resetThrottle(c, "sign_in_email", email);
    await deleteUserSessions(c.var.db, userId, sessionId ?? undefined);
    await audit(c, "auth.password_change", userId);
    return c.body(null, 204);
  });
