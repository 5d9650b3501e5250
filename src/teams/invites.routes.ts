// /api/invites: admins invite by link, list and revoke open invites; anyone signed in previews and accepts one.
import { createRoute } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import { setSessionWorkspace } from "../auth/sessions.repo";
import { sha256Hex } from "../shared/crypto";
import { notFound } from "../shared/errors";
import { errorResponses, iso, json, jsonBody, router } from "../shared/http";
import { findOpenInvite, listOpenInvites, revokeInvite } from "./invites.repo";
import { acceptInvite, createInvite, inviteView } from "./invites.service";
import { CreatedInvite, InviteId, InviteList, InvitePreview, InviteToken, NewInvite, WorkspaceSummary } from "./teams.schemas";

const createInviteRoute = createRoute({
  method: "post",
  path: "/invites",
  tags: ["teams"],
  ...guard("admin"),
  request: { body: jsonBody(NewInvite) },
  responses: { 201: json(CreatedInvite, "Invite created: send the link"), ...errorResponses },
});

const listRoute = createRoute({
  method: "get",
  path: "/invites",
  tags: ["teams"],
  ...guard("admin"),
  responses: { 200: json(InviteList), ...errorResponses },
});

const revokeRoute = createRoute({
  method: "delete",
  path: "/invites/{id}",
  tags: ["teams"],
  ...guard("admin"),
  request: { params: InviteId },
  responses: { 204: { description: "Revoked: the link no longer works" }, ...errorResponses },
});

const previewRoute = createRoute({
  method: "post",
  path: "/invites/preview",
  tags: ["teams"],
  ...guard("user", { personOnly: true }),
  request: { body: jsonBody(InviteToken) },
  responses: { 200: json(InvitePreview, "What the invite is for (nothing changes)"), ...errorResponses },
});

const acceptRoute = createRoute({
  method: "post",
  path: "/invites/accept",
  tags: ["teams"],
  ...guard("user", { personOnly: true }),
  request: { body: jsonBody(InviteToken) },
  responses: { 200: json(WorkspaceSummary, "Joined; the session now works in that workspace"), ...errorResponses },
});

const openInvite = async (db: Parameters<typeof findOpenInvite>[0], token: string, now: number) => {
  const found = await findOpenInvite(db, await sha256Hex(token), now);
  if (!found) throw notFound("Invite");
  return found;
};

export const inviteRoutes = router()
  .openapi(createInviteRoute, async (c) => {
    const { workspaceId, userId, role, email } = c.get("session");
    const created = await createInvite(c.var.db, c.env.APP_URL, { workspaceId, userId, role, email }, c.req.valid("json"), c.var.now);
    await audit(c, "member.invite", created.invite.id, { role: created.invite.role, email: created.invite.email });
    return c.json(created, 201);
  })
  .openapi(listRoute, async (c) => {
    const rows = await listOpenInvites(c.var.db, c.get("session").workspaceId, c.var.now);
    return c.json({ invites: rows.map((r) => inviteView(r.invite, r.invitedBy)) }, 200);
  })
  .openapi(revokeRoute, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await revokeInvite(c.var.db, c.get("session").workspaceId, id, c.var.now))) throw notFound("Invite");
    await audit(c, "member.invite_revoke", id);
    return c.body(null, 204);
  })
  .openapi(previewRoute, async (c) => {
    const { invite, workspaceName, invitedBy } = await openInvite(c.var.db, c.req.valid("json").token, c.var.now);
    return c.json(
      { workspace: { id: invite.workspaceId, name: workspaceName }, role: invite.role, invitedBy, expiresAt: iso(invite.expiresAt)! },
      200,
    );
  })
  .openapi(acceptRoute, async (c) => {
    const { db, now } = c.var;
    const found = await openInvite(db, c.req.valid("json").token, now);
    const { userId, email, sessionId } = c.get("session");
    const invite = await acceptInvite(db, found, { userId, email }, now);
    if (sessionId) await setSessionWorkspace(db, sessionId, invite.workspaceId);
    await audit(c, "member.join", userId, { email, role: invite.role, inviteId: invite.id }, invite.workspaceId);
    return c.json({ id: invite.workspaceId, name: found.workspaceName, role: invite.role, current: true, joinedAt: iso(now)! }, 200);
  });
