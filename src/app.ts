// The HTTP app: /api routes, CSRF defence, one error shape, and the generated OpenAPI document.
import { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { accountRoutes } from "./accounts/accounts.routes";
import { authRoutes } from "./auth/auth.routes";
import { csrfProtection } from "./auth/csrf";
import { database } from "./db/client";
import type { AppEnv } from "./env";
import { healthRoutes } from "./health/health.routes";
import { liveRoutes } from "./live/live.routes";
import { feedLive } from "./live/live-feed";
import { draftRoutes } from "./posts/drafts.routes";
import { postRoutes } from "./posts/posts.routes";
import { webhookRoutes } from "./publishing/webhooks.routes";
import { settingsRoutes } from "./settings/settings.routes";
import type { Clock } from "./shared/clock";
import { AppError, errorBody } from "./shared/errors";
import { slotRoutes } from "./slots/slots.routes";
import { mediaRoutes } from "./videos/media.routes";
import { videoRoutes } from "./videos/videos.routes";

const ROUTES = [authRoutes, accountRoutes, videoRoutes, mediaRoutes, postRoutes, healthRoutes, webhookRoutes];
/** The planner (issue 13): drafts and post moves, queue slots, workspace settings, live updates. */
const PLANNER_ROUTES = [draftRoutes, slotRoutes, settingsRoutes, liveRoutes];

/** Gives each request its time and its database handle (whose post writes reach the workspace's live updates). */
const requestContext = (clock: Clock) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set("now", clock.now());
    const db = database(c.env.DB);
    feedLive(db, c.env, c.executionCtx);
    c.set("db", db);
    await next();
  });

export function createApp(clock: Clock) {
  const api = new OpenAPIHono<AppEnv>();
  api.use(requestContext(clock));
  api.use(csrfProtection);
  for (const routes of [...ROUTES, ...PLANNER_ROUTES]) api.route("/", routes);
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    servers: [{ url: "/api" }],
    info: { title: "Postflare API", version: "1.0.0", description: "Schedule TikTok posts on Cloudflare's edge." },
  });

  const app = new OpenAPIHono<AppEnv>();
  app.route("/api", api);
  app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));
  app.onError((error, c) => {
    if (error instanceof AppError) return c.json(errorBody(error.code, error.message, error.details), error.status);
    if (error instanceof HTTPException) return c.json(errorBody("http_error", error.message), error.status);
    console.error("unhandled error", error);
    return c.json(errorBody("internal_error", "Something went wrong on our side"), 500);
  });
  return app;
}
