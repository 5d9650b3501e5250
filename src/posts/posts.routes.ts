// /api/posts: schedule, list, read (with timeline), edit and cancel posts.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { findAccount } from "../accounts/accounts.repo";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import type { AppEnv } from "../env";
import { notFound } from "../shared/errors";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { postStatsOf, workspacePostStats } from "../sync/sync-read.repo";
import { createPostOnce } from "./idempotency";
import { postFilters } from "./post-filters";
import { postView } from "./post-view";
import { findPost, listEvents, listPosts } from "./posts.repo";
import {
  IdempotencyHeader,
  NewPost,
  PostDetailResponse,
  PostId,
  PostListQuery,
  PostListResponse,
  PostPatch,
  PostResponse,
  PostWithWarnings,
} from "./posts.schemas";
import { cancelPost, type PostsDeps, updatePost } from "./posts.service";

const createPostRoute = createRoute({
  method: "post",
  path: "/posts",
  tags: ["posts"],
  ...guard("editor"),
  request: { body: jsonBody(NewPost), headers: IdempotencyHeader },
  responses: {
    201: json(PostWithWarnings, "Scheduled (or waiting for approval); with the same Idempotency-Key, the post created before"),
    ...errorResponses,
    422: { description: "The Idempotency-Key was used for another body", content: errorResponses[400].content },
  },
});
const listRoute = createRoute({
  method: "get",
  path: "/posts",
  tags: ["posts"],
  ...guard("viewer"),
  request: { query: PostListQuery },
  responses: { 200: json(PostListResponse), ...errorResponses },
});
const getRoute = createRoute({
  method: "get",
  path: "/posts/{id}",
  tags: ["posts"],
  ...guard("viewer"),
  request: { params: PostId },
  responses: { 200: json(PostDetailResponse), ...errorResponses },
});
const patchRoute = createRoute({
  method: "patch",
  path: "/posts/{id}",
  tags: ["posts"],
  ...guard("editor"),
  request: { params: PostId, body: jsonBody(PostPatch) },
  responses: { 200: json(PostWithWarnings), ...errorResponses },
});
const cancelRoute = createRoute({
  method: "delete",
  path: "/posts/{id}",
  tags: ["posts"],
  ...guard("editor"),
  request: { params: PostId },
  responses: { 200: json(PostResponse, "Cancelled"), ...errorResponses },
});

const deps = (c: Context<AppEnv>): PostsDeps => ({ db: c.var.db, queue: c.env.PUBLISH_QUEUE, publishers: c.env.ACCOUNT_PUBLISHER });

export const postRoutes = router()
  .openapi(createPostRoute, async (c) => {
    const { workspaceId, userId, role } = c.get("session");
    const key = c.req.valid("header")["idempotency-key"];
    const created = await createPostOnce(deps(c), { workspaceId, userId, role }, c.req.valid("json"), key, c.var.now);
    if (created.replayed) c.header("Idempotent-Replayed", "true");
    else await audit(c, "post.schedule", created.post.id, { status: created.post.status, scheduledAt: created.post.scheduledAt });
    return c.json({ post: postView(created.post), warnings: created.warnings }, 201);
  })
  .openapi(listRoute, async (c) => {
    const { workspaceId } = c.get("session");
    const [rows, stats] = await Promise.all([
      listPosts(c.var.db, workspaceId, postFilters(c.req.valid("query"))),
      workspacePostStats(c.var.db, workspaceId),
    ]);
    return c.json({ posts: rows.map((r) => postView(r.post, { username: r.username }, stats.get(r.post.id))) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { db } = c.var;
    const { workspaceId } = c.get("session");
    const post = await findPost(db, workspaceId, c.req.valid("param").id);
    if (!post) throw notFound("Post");
    const [account, stats] = await Promise.all([findAccount(db, workspaceId, post.accountId), postStatsOf(db, post.id)]);
    return c.json({ post: postView(post, account, stats), events: await listEvents(db, post.id) }, 200);
  })
  .openapi(patchRoute, async (c) => {
    const { workspaceId, userId, role } = c.get("session");
    const patch = c.req.valid("json");
    const { post, warnings } = await updatePost(deps(c), { workspaceId, userId, role }, c.req.valid("param").id, patch, c.var.now);
    await audit(c, "post.edit", post.id, { fields: Object.keys(patch), status: post.status });
    return c.json({ post: postView(post), warnings }, 200);
  })
  .openapi(cancelRoute, async (c) => {
    const { workspaceId, userId } = c.get("session");
    const post = await cancelPost(deps(c), { workspaceId, userId }, c.req.valid("param").id, c.var.now);
    await audit(c, "post.cancel", post.id);
    return c.json({ post: postView(post) }, 200);
  });
