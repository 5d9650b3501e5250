// /api/drafts and the planner's post moves: save, edit and discard drafts; schedule a draft (at a time or in the
// queue), send a post back to the drafts, duplicate, add a new post to the queue, undo a cancel, bulk moves.
// Editors and up; each move is in the workspace's audit log.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import type { AppEnv } from "../env";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { BulkAction, BulkResult, DraftPatch, NewDraft, NewQueuedPost, ScheduleDraft } from "./drafts.schemas";
import { createDraftPost, discardDraft, duplicatePost, scheduleDraft, unschedulePost, updateDraft } from "./drafts.service";
import { bulkAction, queuePost, restorePost } from "./planner.service";
import { postView } from "./post-view";
import { PostId, PostResponse, PostWithWarnings } from "./posts.schemas";
import type { Actor, PostsDeps } from "./posts.service";

const base = { tags: ["drafts"], ...guard("editor") };
const onPost = (path: string, summary: string, description: string) =>
  createRoute({
    ...base,
    method: "post",
    path,
    summary,
    request: { params: PostId },
    responses: { 200: json(PostResponse, description), ...errorResponses },
  });

const createDraftRoute = createRoute({
  ...base,
  method: "post",
  path: "/drafts",
  request: { body: jsonBody(NewDraft) },
  responses: { 201: json(PostResponse, "Saved as a draft"), ...errorResponses },
});
const patchDraftRoute = createRoute({
  ...base,
  method: "patch",
  path: "/drafts/{id}",
  request: { params: PostId, body: jsonBody(DraftPatch) },
  responses: { 200: json(PostResponse), ...errorResponses },
});
const deleteDraftRoute = createRoute({
  ...base,
  method: "delete",
  path: "/drafts/{id}",
  request: { params: PostId },
  responses: { 200: json(PostResponse, "Discarded (its last state)"), ...errorResponses },
});
const scheduleRoute = createRoute({
  ...base,
  method: "post",
  path: "/posts/{id}/schedule",
  request: { params: PostId, body: jsonBody(ScheduleDraft) },
  responses: { 200: json(PostWithWarnings, "Scheduled (or waiting for approval)"), ...errorResponses },
});
const queueRoute = createRoute({
  ...base,
  method: "post",
  path: "/posts/queue",
  request: { body: jsonBody(NewQueuedPost) },
  responses: { 201: json(PostWithWarnings, "Scheduled in the next free queue slot"), ...errorResponses },
});
const bulkRoute = createRoute({
  ...base,
  method: "post",
  path: "/posts/bulk",
  request: { body: jsonBody(BulkAction) },
  responses: { 200: json(BulkResult, "Each post's outcome"), ...errorResponses },
});
const unscheduleRoute = onPost("/posts/{id}/unschedule", "Back to the drafts", "Now a draft");
const restoreRoute = onPost("/posts/{id}/restore", "Undo a cancel made in the last minute", "Scheduled again");
const duplicateRoute = createRoute({
  ...base,
  method: "post",
  path: "/posts/{id}/duplicate",
  summary: "Copy as a new draft",
  request: { params: PostId },
  responses: { 201: json(PostResponse, "The copy, as a draft"), ...errorResponses },
});

const deps = (c: Context<AppEnv>): PostsDeps => ({ db: c.var.db, queue: c.env.PUBLISH_QUEUE, publishers: c.env.ACCOUNT_PUBLISHER });
const actor = (c: Context<AppEnv>): Actor => {
  const { workspaceId, userId, role } = c.get("session");
  return { workspaceId, userId, role };
};

export const draftRoutes = router()
  .openapi(createDraftRoute, async (c) => {
    const post = await createDraftPost(c.var.db, actor(c), c.req.valid("json"), c.var.now);
    await audit(c, "post.draft", post.id);
    return c.json({ post: postView(post) }, 201);
  })
  .openapi(patchDraftRoute, async (c) => {
    const patch = c.req.valid("json");
    const post = await updateDraft(c.var.db, actor(c), c.req.valid("param").id, patch, c.var.now);
    await audit(c, "post.edit", post.id, { fields: Object.keys(patch), status: post.status });
    return c.json({ post: postView(post) }, 200);
  })
  .openapi(deleteDraftRoute, async (c) => {
    const post = await discardDraft(c.var.db, actor(c), c.req.valid("param").id);
    await audit(c, "post.discard", post.id);
    return c.json({ post: postView(post) }, 200);
  })
  .openapi(scheduleRoute, async (c) => {
    const { post, warnings } = await scheduleDraft(deps(c), actor(c), c.req.valid("param").id, c.req.valid("json"), c.var.now);
    await audit(c, "post.schedule", post.id, { status: post.status, scheduledAt: post.scheduledAt, from: "draft" });
    return c.json({ post: postView(post), warnings }, 200);
  })
  .openapi(queueRoute, async (c) => {
    const { post, warnings } = await queuePost(deps(c), actor(c), c.req.valid("json"), c.var.now);
    await audit(c, "post.schedule", post.id, { status: post.status, scheduledAt: post.scheduledAt, from: "queue" });
    return c.json({ post: postView(post), warnings }, 201);
  })
  .openapi(bulkRoute, async (c) => {
    const action = c.req.valid("json");
    const results = await bulkAction(deps(c), actor(c), action, c.var.now);
    for (const r of results.filter((x) => x.ok))
      await audit(c, action.action === "cancel" ? "post.cancel" : "post.edit", r.id, { bulk: true });
    return c.json({ results: results.map((r) => ({ ...r, post: r.post ? postView(r.post) : null })) }, 200);
  })
  .openapi(unscheduleRoute, async (c) => {
    const post = await unschedulePost(deps(c), actor(c), c.req.valid("param").id, c.var.now);
    await audit(c, "post.unschedule", post.id);
    return c.json({ post: postView(post) }, 200);
  })
  .openapi(restoreRoute, async (c) => {
    const post = await restorePost(deps(c), actor(c), c.req.valid("param").id, c.var.now);
    await audit(c, "post.restore", post.id, { status: post.status });
    return c.json({ post: postView(post) }, 200);
  })
  .openapi(duplicateRoute, async (c) => {
    const post = await duplicatePost(c.var.db, actor(c), c.req.valid("param").id, c.var.now);
    await audit(c, "post.duplicate", post.id);
    return c.json({ post: postView(post) }, 201);
  });
