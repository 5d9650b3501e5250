// Leaving for good: export a workspace (admins) or one's own account data, then delete the workspace (its owner,
// confirming its name) or the account (its person, with their password). Nothing is deleted without confirmation.
import { createRoute } from "@hono/zod-openapi";
import { guard } from "../auth/guard";
import { clearSessionCookie } from "../auth/session";
import { findUser } from "../auth/users.repo";
import { AppError } from "../shared/errors";
import { errorResponses, json, jsonBody, router, throttledResponse } from "../shared/http";
import { verifyPassword } from "../shared/password";
import { findWorkspace } from "../teams/members.repo";
import { resetThrottle, throttle } from "../throttle/throttle";
import { deleteUser, deleteWorkspace } from "./deletion.service";
import { exportUser, exportWorkspace } from "./export.service";
import { AccountDeletion, DeletionResult, ExportDocument, WorkspaceDeletion } from "./leaving.schemas";

const exportWorkspaceRoute = createRoute({
  method: "get",
  path: "/workspace/export",
  tags: ["leaving"],
  ...guard("admin"),
  responses: { 200: json(ExportDocument, "Everything in the workspace, as JSON (video bytes via each contentUrl)"), ...errorResponses },
});

const deleteWorkspaceRoute = createRoute({
  method: "delete",
  path: "/workspace",
  tags: ["leaving"],
  ...guard("owner", { personOnly: true }),
  request: { body: jsonBody(WorkspaceDeletion) },
  responses: { 204: { description: "Deleted with everything in it" }, ...errorResponses, 502: errorResponses[409] },
});

const exportMeRoute = createRoute({
  method: "get",
  path: "/me/export",
  tags: ["leaving"],
  ...guard("user", { personOnly: true }),
  responses: { 200: json(ExportDocument, "Your account data, and a full export of each workspace that goes with it"), ...errorResponses },
});

const deleteMeRoute = createRoute({
  method: "delete",
  path: "/me",
  tags: ["leaving"],
  ...guard("user", { personOnly: true }),
  request: { body: jsonBody(AccountDeletion) },
  responses: { 200: json(DeletionResult, "Deleted; signed out everywhere"), ...errorResponses, ...throttledResponse },
});

export const leavingRoutes = router()
  .openapi(exportWorkspaceRoute, async (c) => {
    const doc = await exportWorkspace(c.var.db, c.get("session").workspaceId, c.var.now);
    c.header("Content-Disposition", `attachment; filename="postflare-${doc.workspace.id}.json"`);
    return c.json(doc, 200);
  })
  .openapi(deleteWorkspaceRoute, async (c) => {
    const { workspaceId } = c.get("session");
    const workspace = (await findWorkspace(c.var.db, workspaceId))!;
    if (c.req.valid("json").confirm !== workspace.name) {
      throw new AppError(400, "confirmation_mismatch", "Type the workspace's exact name to delete it", [
        { path: "confirm", message: "Not the workspace's name" },
      ]);
    }
    await deleteWorkspace(c.env, c.var.db, workspaceId, c.var.now);
    console.log("workspace deleted", workspaceId);
    return c.body(null, 204);
  })
  .openapi(exportMeRoute, async (c) => {
    const user = (await findUser(c.var.db, c.get("session").userId))!;
    const doc = await exportUser(c.var.db, user, c.var.now);
    c.header("Content-Disposition", `attachment; filename="postflare-${user.id}.json"`);
    return c.json(doc, 200);
  })
  .openapi(deleteMeRoute, async (c) => {
    const { userId, email } = c.get("session");
    await throttle(c, "sign_in_email", email);
    const user = (await findUser(c.var.db, userId))!;
    if (!(await verifyPassword(c.req.valid("json").password, user.passwordHash))) {
      throw new AppError(400, "wrong_password", "The password is not right", [{ path: "password", message: "Not your password" }]);
    }
    await resetThrottle(c, "sign_in_email", email);
    const plan = await deleteUser(c.env, c.var.db, userId, c.var.now);
    clearSessionCookie(c);
    return c.json({ deletedWorkspaces: plan.toDelete, leftWorkspaces: plan.toLeave }, 200);
  });
