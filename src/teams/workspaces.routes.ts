// /api/workspaces and /api/workspace: the workspaces a person belongs to (list, create, switch the session's
// workspace), and the current workspace's settings (name, approvals; admins change them).
import { createRoute } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import { Identity } from "../auth/auth.schemas";
import { identityOf } from "../auth/auth.service";
import { guard } from "../auth/guard";
import { setSessionWorkspace } from "../auth/sessions.repo";
import { insertWorkspace } from "../auth/users.repo";
import { notFound } from "../shared/errors";
import { errorResponses, iso, json, jsonBody, router } from "../shared/http";
import { newId } from "../shared/ids";
import { findMember, findWorkspace, updateWorkspace, workspacesOf } from "./members.repo";
import { NewWorkspace, WorkspaceList, WorkspacePatch, WorkspaceResponse, WorkspaceSummary, WorkspaceSwitch } from "./teams.schemas";

const listRoute = createRoute({
  method: "get",
  path: "/workspaces",
  tags: ["teams"],
  ...guard("user"),
  responses: { 200: json(WorkspaceList), ...errorResponses },
});

const createWorkspaceRoute = createRoute({
  method: "post",
  path: "/workspaces",
  tags: ["teams"],
  ...guard("user", { personOnly: true }),
  request: { body: jsonBody(NewWorkspace) },
  responses: { 201: json(WorkspaceSummary, "Created; you are its owner"), ...errorResponses },
});

const switchRoute = createRoute({
  method: "post",
  path: "/workspaces/switch",
  tags: ["teams"],
  ...guard("user", { personOnly: true }),
  request: { body: jsonBody(WorkspaceSwitch) },
  responses: { 200: json(Identity, "This session now works in that workspace"), ...errorResponses },
});

const currentRoute = createRoute({
  method: "get",
  path: "/workspace",
  tags: ["teams"],
  ...guard("viewer"),
  responses: { 200: json(WorkspaceResponse), ...errorResponses },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/workspace",
  tags: ["teams"],
  ...guard("admin"),
  request: { body: jsonBody(WorkspacePatch) },
  responses: { 200: json(WorkspaceResponse), ...errorResponses },
});

export const workspaceRoutes = router()
  .openapi(listRoute, async (c) => {
    const { userId, workspaceId, via } = c.get("session");
    const rows = await workspacesOf(c.var.db, userId);
    // An API token works in its own workspace only.
    const visible = via === "token" ? rows.filter((w) => w.id === workspaceId) : rows;
    return c.json({ workspaces: visible.map((w) => ({ ...w, current: w.id === workspaceId, joinedAt: iso(w.joinedAt)! })) }, 200);
  })
  .openapi(createWorkspaceRoute, async (c) => {
    const workspace = { id: newId("ws"), name: c.req.valid("json").name };
    await insertWorkspace(c.var.db, c.get("session").userId, workspace, c.var.now);
    await audit(c, "workspace.create", workspace.id, { name: workspace.name }, workspace.id);
    return c.json({ ...workspace, role: "owner" as const, current: false, joinedAt: iso(c.var.now)! }, 201);
  })
  .openapi(switchRoute, async (c) => {
    const { userId, sessionId } = c.get("session");
    const { workspaceId } = c.req.valid("json");
    if (!(await findMember(c.var.db, workspaceId, userId))) throw notFound("Workspace");
    await setSessionWorkspace(c.var.db, sessionId!, workspaceId);
    return c.json(await identityOf(c.var.db, userId, workspaceId), 200);
  })
  .openapi(currentRoute, async (c) => {
    const { workspaceId, role } = c.get("session");
    const row = (await findWorkspace(c.var.db, workspaceId))!;
    return c.json({ workspace: { ...row, role, createdAt: iso(row.createdAt)! } }, 200);
  })
  .openapi(patchRoute, async (c) => {
    const { workspaceId, role } = c.get("session");
    const patch = c.req.valid("json");
    await updateWorkspace(c.var.db, workspaceId, patch);
    await audit(c, "workspace.update", workspaceId, patch);
    const row = (await findWorkspace(c.var.db, workspaceId))!;
    return c.json({ workspace: { ...row, role, createdAt: iso(row.createdAt)! } }, 200);
  });
