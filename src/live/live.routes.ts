// GET /api/live: a signed-in tab's WebSocket to its workspace's live updates (WorkspaceLive), same-origin only.
import { createRoute } from "@hono/zod-openapi";
import { guard } from "../auth/guard";
import { AppError } from "../shared/errors";
import { errorResponses, json, router } from "../shared/http";
import { LiveFrame } from "./live.schemas";

const liveRoute = createRoute({
  method: "get",
  path: "/live",
  tags: ["live"],
  ...guard("viewer"),
  responses: {
    101: { description: "WebSocket: JSON LiveFrame messages; send `ping`, get `pong`" },
    200: json(LiveFrame, "Never answered: the shape of each WebSocket message"),
    426: errorResponses[400],
    ...errorResponses,
  },
});

export const liveRoutes = router().openapi(liveRoute, async (c) => {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError(426, "upgrade_required", "Connect with a WebSocket");
  }
  // A WebSocket carries the session cookie from any site that opens one: only our own pages may (CSWSH).
  const origin = c.req.header("origin");
  if (origin !== undefined && origin !== new URL(c.env.APP_URL).origin && origin !== new URL(c.req.url).origin) {
    throw new AppError(403, "csrf_rejected", "Cross-site WebSocket refused");
  }
  const response = await c.env.WORKSPACE_LIVE.getByName(c.get("session").workspaceId).fetch(c.req.raw);
  // The object's 101 has immutable headers; a fresh one lets the edge middleware add its security headers.
  return new Response(null, { status: response.status, webSocket: response.webSocket }) as never;
});
