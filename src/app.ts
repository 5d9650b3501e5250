// The HTTP app: /api routes, security headers, body caps, CSRF defence, one error shape, and the generated OpenAPI
// document (with its two ways in: the session cookie and `Authorization: Bearer <API token>`).
import { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { accountRoutes } from "./accounts/accounts.routes";
import { alertRoutes } from "./alerts/alerts.routes";
import { auditRoutes } from "./audit/audit.routes";
import { authRoutes } from "./auth/auth.routes";
import { csrfProtection } from "./auth/csrf";
import { sessionRoutes } from "./auth/sessions.routes";
import { database } from "./db/client";
import type { AppEnv } from "./env";
import { healthRoutes } from "./health/health.routes";
import { importRoutes } from "./imports/imports.routes";
import { leavingRoutes } from "./leaving/leaving.routes";
import { liveRoutes } from "./live/live.routes";
import { feedLive } from "./live/live-feed";
import { mcpRoutes } from "./mcp/mcp.routes";
import { approvalRoutes } from "./posts/approvals.routes";
import { draftRoutes } from "./posts/drafts.routes";
import { postRoutes } from "./posts/posts.routes";
import { webhookRoutes } from "./publishing/webhooks.routes";
import { settingsRoutes } from "./settings/settings.routes";
import type { Clock } from "./shared/clock";
import { apiSecurityHeaders, jsonBodyLimit } from "./shared/edge";
import { AppError, errorBody } from "./shared/errors";
import { slotRoutes } from "./slots/slots.routes";
import { syncRoutes } from "./sync/sync.routes";
import { inviteRoutes } from "./teams/invites.routes";
import { memberRoutes } from "./teams/members.routes";
import { workspaceRoutes } from "./teams/workspaces.routes";
import { tokenRoutes } from "./tokens/tokens.routes";
import { mediaRoutes } from "./videos/media.routes";
import { videoRoutes } from "./videos/videos.routes";
import { webhookEndpointRoutes } from "./webhook-endpoints/endpoints.routes";

const ROUTES = [
  authRoutes,
  sessionRoutes,
  tokenRoutes,
  workspaceRoutes,
  memberRoutes,
  inviteRoutes,
  auditRoutes,
  leavingRoutes,
  accountRoutes,
  videoRoutes,
  mediaRoutes,
  postRoutes,
  approvalRoutes,
  healthRoutes,
  webhookRoutes,
  syncRoutes,
  // The planner (issue 13): drafts and post moves, queue slots, workspace settings, live updates.
  draftRoutes,
  slotRoutes,
  settingsRoutes,
  liveRoutes,
  webhookEndpointRoutes,
  alertRoutes,
  mcpRoutes,
  importRoutes,
];

/** Gives each request its time and its database handle (whose post writes reach the workspace's live updates). */
const requestContext = (clock: Clock) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set("now", clock.now());
    const db = database(c.env.DB);
    feedLive(db, c.env, c.executionCtx);
    c.set("db", db);
    await next();
  });

function documentApi(api: OpenAPIHono<AppEnv>) {
  api.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", {
    type: "apiKey",
    in: "cookie",
    name: "pf_session",
    description: "The web app's session (`__Host-pf_session` on https); state changes must come from the app's own origin",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API token from POST /api/tokens, acting with its creator's role in its workspace; no CSRF header needed",
  });
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    servers: [{ url: "/api" }],
    info: { title: "Postflare API", version: "1.0.0", description: "Schedule TikTok posts on Cloudflare's edge." },
  });
}

export function createApp(clock: Clock) {
  const api = new OpenAPIHono<AppEnv>();
  api.use(requestContext(clock));
  api.use(csrfProtection);
  api.use(jsonBodyLimit);
  for (const routes of ROUTES) api.route("/", routes);
  documentApi(api);

  const app = new OpenAPIHono<AppEnv>();
  app.use(apiSecurityHeaders);
  app.route("/api", api);
  app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));
  app.onError((error, c) => {
    if (error instanceof AppError) return c.json(errorBody(error.code, error.message, error.details), error.status, error.headers);
    if (error instanceof HTTPException) return c.json(errorBody("http_error", error.message), error.status);
    console.error("unhandled error", error);
    return c.json(errorBody("internal_error", "Something went wrong on our side"), 500);
  });
  return app;
}
