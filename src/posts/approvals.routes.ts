// POST /api/posts/{id}/approve and /reject: an admin's decision on a post waiting for approval.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import type { AppEnv } from "../env";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { approvePost, rejectPost } from "./approvals.service";
import { postView } from "./post-view";
import { PostId, PostResponse, RejectBody } from "./posts.schemas";

const approveRoute = createRoute({
  method: "post",
  path: "/posts/{id}/approve",
  tags: ["posts"],
  ...guard("admin"),
  request: { params: PostId },
  responses: { 200: json(PostResponse, "Approved: scheduled"), ...errorResponses },
});

const rejectRoute = createRoute({
  method: "post",
  path: "/posts/{id}/reject",
  tags: ["posts"],
  ...guard("admin"),
  request: { params: PostId, body: { ...jsonBody(RejectBody), required: false } },
  responses: { 200: json(PostResponse, "Rejected: cancelled, with the reason in its timeline"), ...errorResponses },
});

const deps = (c: Context<AppEnv>) => ({ db: c.var.db, queue: c.env.PUBLISH_QUEUE, publishers: c.env.ACCOUNT_PUBLISHER });

export const approvalRoutes = router()
  .openapi(approveRoute, async (c) => {
    const { workspaceId, email } = c.get("session");
    const post = await approvePost(deps(c), { workspaceId, email }, c.req.valid("param").id, c.var.now);
    await audit(c, "post.approve", post.id);
    return c.json({ post: postView(post) }, 200);
  })
  .openapi(rejectRoute, async (c) => {
    const { workspaceId, email } = c.get("session");
    const { reason } = c.req.valid("json") ?? {};
    const post = await rejectPost(deps(c), { workspaceId, email }, c.req.valid("param").id, reason, c.var.now);
    await audit(c, "post.reject", post.id, reason ? { reason } : undefined);
    return c.json({ post: postView(post) }, 200);
  });
