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
import { postRoutes } from "./posts/posts.routes";
import { webhookRoutes } from "./publishing/webhooks.routes";
import type { Clock } from "./shared/clock";
import { AppError, errorBody } from "./shared/errors";
import { syncRoutes } from "./sync/sync.routes";
import { mediaRoutes } from "./videos/media.routes";
import { videoRoutes } from "./videos/videos.routes";

const ROUTES = [authRoutes, accountRoutes, videoRoutes, mediaRoutes, postRoutes, healthRoutes, webhookRoutes, syncRoutes];

/** Gives each request its time and its database handle. */
const requestContext = (clock: Clock) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set("now", clock.now());
    c.set("db", database(c.env.DB));
    await next();
  });

export function createApp(clock: Clock) {
  const api = new OpenAPIHono<AppEnv>();
  api.use(requestContext(clock));
  api.use(csrfProtection);
  for (const routes of ROUTES) api.route("/", routes);
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
