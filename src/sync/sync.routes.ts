// /api/accounts/{id}/sync, /stats, /avatar and /api/posts/{id}/metrics, /cover: "Sync now" and what the account
// sync keeps (src/sync/).
import { createRoute } from "@hono/zod-openapi";
import { AccountId } from "../accounts/accounts.schemas";
import { guard } from "../auth/guard";
import { PostId } from "../posts/posts.schemas";
import { ErrorSchema } from "../shared/error.schemas";
import { errorBody, notFound } from "../shared/errors";
import { errorResponses, json, router } from "../shared/http";
import { throttle } from "../throttle/throttle";
import { serveImage } from "./serve-image";
import { MetricsResponse, StatsQuery, StatsResponse, SyncRequested } from "./sync.schemas";
import { accountStats, avatarKey, coverKey, postMetricsSeries, requestSyncNow, TooSoon } from "./sync.service";

const tooSoon = {
  description: "Synced less than a minute ago (Retry-After says when to try)",
  content: { "application/json": { schema: ErrorSchema } },
};
const image = {
  description: "The image (JPEG, PNG, WebP or GIF)",
  content: { "image/*": { schema: { type: "string" as const, format: "binary" } } },
};

const syncRoute = createRoute({
  method: "post",
  path: "/accounts/{id}/sync",
  tags: ["accounts"],
  ...guard("editor"),
  request: { params: AccountId },
  responses: { 202: json(SyncRequested, "Sync started"), ...errorResponses, 429: tooSoon },
});
const statsRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/stats",
  tags: ["accounts"],
  ...guard("viewer"),
  request: { params: AccountId, query: StatsQuery },
  responses: { 200: json(StatsResponse, "One point per day (UTC), oldest first"), ...errorResponses },
});
const avatarRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/avatar",
  tags: ["accounts"],
  ...guard("viewer"),
  request: { params: AccountId },
  responses: { 200: image, ...errorResponses },
});
const metricsRoute = createRoute({
  method: "get",
  path: "/posts/{id}/metrics",
  tags: ["posts"],
  ...guard("viewer"),
  request: { params: PostId },
  responses: { 200: json(MetricsResponse, "Every reading, oldest first"), ...errorResponses },
});
const coverRoute = createRoute({
  method: "get",
  path: "/posts/{id}/cover",
  tags: ["posts"],
  ...guard("viewer"),
  request: { params: PostId },
  responses: { 200: image, ...errorResponses },
});

export const syncRoutes = router()
  .openapi(syncRoute, async (c) => {
    // Per workspace (src/throttle/), on top of the once-a-minute rule per account that answers TooSoon below.
    await throttle(c, "sync_now", c.get("session").workspaceId);
    try {
      const sync = await requestSyncNow(c.env, c.var.db, c.get("session").workspaceId, c.req.valid("param").id, c.var.now);
      return c.json({ sync }, 202);
    } catch (error) {
      if (!(error instanceof TooSoon)) throw error;
      c.header("Retry-After", String(error.retryAfterSeconds));
      return c.json(errorBody(error.code, error.message, error.details), 429);
    }
  })
  .openapi(statsRoute, async (c) => {
    const points = await accountStats(c.var.db, c.get("session").workspaceId, c.req.valid("param").id, c.req.valid("query"), c.var.now);
    return c.json({ points }, 200);
  })
  .openapi(avatarRoute, async (c) => {
    const key = await avatarKey(c.var.db, c.get("session").workspaceId, c.req.valid("param").id);
    const response = await serveImage(c.env.VIDEOS, key);
    if (!response) throw notFound("Avatar");
    return response as never;
  })
  .openapi(metricsRoute, async (c) => {
    const points = await postMetricsSeries(c.var.db, c.get("session").workspaceId, c.req.valid("param").id);
    return c.json({ points }, 200);
  })
  .openapi(coverRoute, async (c) => {
    const key = await coverKey(c.var.db, c.get("session").workspaceId, c.req.valid("param").id);
    const response = await serveImage(c.env.VIDEOS, key);
    if (!response) throw notFound("Cover");
    return response as never;
  });
