// /api/posts: schedule, list, read (with timeline), edit and cancel posts.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { findAccount } from "../accounts/accounts.repo";
import { requireSession } from "../auth/session";
import type { AppEnv } from "../env";
import { notFound } from "../shared/errors";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { postFilters } from "./post-filters";
import { postView } from "./post-view";
import { findPost, listEvents, listPosts } from "./posts.repo";
import {
  NewPost,
  PostDetailResponse,
  PostId,
  PostListQuery,
  PostListResponse,
  PostPatch,
  PostResponse,
  PostWithWarnings,
} from "./posts.schemas";
import { cancelPost, createPost, type PostsDeps, updatePost } from "./posts.service";

const createPostRoute = createRoute({
  method: "post",
  path: "/posts",
  tags: ["posts"],
  middleware: [requireSession] as const,
  request: { body: jsonBody(NewPost) },
  responses: { 201: json(PostWithWarnings, "Scheduled"), ...errorResponses },
});
const listRoute = createRoute({
  method: "get",
  path: "/posts",
  tags: ["posts"],
  middleware: [requireSession] as const,
  request: { query: PostListQuery },
  responses: { 200: json(PostListResponse), ...errorResponses },
});
const getRoute = createRoute({
  method: "get",
  path: "/posts/{id}",
  tags: ["posts"],
  middleware: [requireSession] as const,
  request: { params: PostId },
  responses: { 200: json(PostDetailResponse), ...errorResponses },
});
const patchRoute = createRoute({
  method: "patch",
  path: "/posts/{id}",
  tags: ["posts"],
  middleware: [requireSession] as const,
  request: { params: PostId, body: jsonBody(PostPatch) },
  responses: { 200: json(PostWithWarnings), ...errorResponses },
});
const cancelRoute = createRoute({
  method: "delete",
  path: "/posts/{id}",
  tags: ["posts"],
  middleware: [requireSession] as const,
  request: { params: PostId },
  responses: { 200: json(PostResponse, "Cancelled"), ...errorResponses },
});

const deps = (c: Context<AppEnv>): PostsDeps => ({ db: c.var.db, queue: c.env.PUBLISH_QUEUE });

export const postRoutes = router()
  .openapi(createPostRoute, async (c) => {
    const { workspaceId, userId } = c.get("session");
    const { post, warnings } = await createPost(deps(c), { workspaceId, userId }, c.req.valid("json"), c.var.now);
    return c.json({ post: postView(post), warnings }, 201);
  })
  .openapi(listRoute, async (c) => {
    const rows = await listPosts(c.var.db, c.get("session").workspaceId, postFilters(c.req.valid("query")));
    return c.json({ posts: rows.map((r) => postView(r.post, { username: r.username })) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { db } = c.var;
    const { workspaceId } = c.get("session");
    const post = await findPost(db, workspaceId, c.req.valid("param").id);
    if (!post) throw notFound("Post");
    const account = await findAccount(db, workspaceId, post.accountId);
    return c.json({ post: postView(post, account), events: await listEvents(db, post.id) }, 200);
  })
  .openapi(patchRoute, async (c) => {
    const { workspaceId, userId } = c.get("session");
    const { post, warnings } = await updatePost(deps(c), { workspaceId, userId }, c.req.valid("param").id, c.req.valid("json"), c.var.now);
    return c.json({ post: postView(post), warnings }, 200);
  })
  .openapi(cancelRoute, async (c) => {
    const { workspaceId, userId } = c.get("session");
    const post = await cancelPost(c.var.db, { workspaceId, userId }, c.req.valid("param").id, c.var.now);
    return c.json({ post: postView(post) }, 200);
  });
