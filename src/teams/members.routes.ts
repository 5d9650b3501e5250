// /api/members: who is in the workspace (any member), change a role or remove someone (admins), and leave.
import { createRoute } from "@hono/zod-openapi";
import { guard } from "../auth/guard";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { listMembers } from "./members.repo";
import { changeRole, leaveWorkspace, memberView, removeFromWorkspace } from "./members.service";
import { MemberId, MemberList, MemberResponse, RoleChange } from "./teams.schemas";

const listRoute = createRoute({
  method: "get",
  path: "/members",
  tags: ["teams"],
  ...guard("viewer"),
  responses: { 200: json(MemberList), ...errorResponses },
});

const roleRoute = createRoute({
  method: "patch",
  path: "/members/{userId}",
  tags: ["teams"],
  ...guard("admin"),
  request: { params: MemberId, body: jsonBody(RoleChange) },
  responses: { 200: json(MemberResponse, "Role changed"), ...errorResponses },
});

const removeRoute = createRoute({
  method: "delete",
  path: "/members/{userId}",
  tags: ["teams"],
  ...guard("admin"),
  request: { params: MemberId },
  responses: {
    204: { description: "Removed: their sessions here end and their API tokens for this workspace are revoked" },
    ...errorResponses,
  },
});

const leaveRoute = createRoute({
  method: "post",
  path: "/workspace/leave",
  tags: ["teams"],
  ...guard("viewer", { personOnly: true }),
  responses: { 204: { description: "Left; the session moves to another of your workspaces" }, ...errorResponses },
});

export const memberRoutes = router()
  .openapi(listRoute, async (c) => {
    return c.json({ members: (await listMembers(c.var.db, c.get("session").workspaceId)).map(memberView) }, 200);
  })
  .openapi(roleRoute, async (c) => {
    const member = await changeRole(c, c.req.valid("param").userId, c.req.valid("json").role);
    return c.json({ member: memberView(member) }, 200);
  })
  .openapi(removeRoute, async (c) => {
    await removeFromWorkspace(c, c.req.valid("param").userId);
    return c.body(null, 204);
  })
  .openapi(leaveRoute, async (c) => {
    await leaveWorkspace(c);
    return c.body(null, 204);
  });
