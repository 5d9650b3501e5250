// /api/mcp: the Model Context Protocol over streamable HTTP (stateless, JSON answers), for AI agents, with an API
// token only (a browser session cannot call it: no cookie-borne agent requests). The SDK's web-standard transport
// handles the JSON-RPC; the tools are in mcp-tools.ts.
import { createRoute } from "@hono/zod-openapi";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { createMiddleware } from "hono/factory";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import type { AppEnv } from "../env";
import { AppError } from "../shared/errors";
import { errorResponses, router } from "../shared/http";
import { mcpServer } from "./mcp-tools";

const tokenOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("session").via !== "token")
    throw new AppError(403, "token_required", "Call the MCP endpoint with an API token (Authorization: Bearer), not a browser session");
  await next();
});

const viewer = guard("viewer");
const mcpRoute = createRoute({
  method: "post",
  path: "/mcp",
  tags: ["mcp"],
  ...viewer,
  middleware: [...viewer.middleware, tokenOnly],
  description:
    "JSON-RPC 2.0 messages of the Model Context Protocol (streamable HTTP, stateless). Tools: list_accounts, list_videos, list_posts, get_post, schedule_post, reschedule_post, cancel_post.",
  responses: {
    200: { description: "The JSON-RPC answer", content: { "application/json": { schema: {} } } },
    202: { description: "A notification, accepted" },
    ...errorResponses,
  },
});

export const mcpRoutes = router()
  .openapi(mcpRoute, async (c) => {
    const server = mcpServer({
      deps: { db: c.var.db, queue: c.env.PUBLISH_QUEUE, publishers: c.env.ACCOUNT_PUBLISHER },
      session: c.get("session"),
      now: c.var.now,
      audit: (action, target, data) => audit(c, action, target, data),
    });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return (await transport.handleRequest(c.req.raw)) as never;
    } finally {
      await server.close();
    }
  })
  // A stateless server offers no event stream to GET, and has no session to DELETE (the protocol's answer: 405).
  .on(["GET", "DELETE"], "/mcp", (c) =>
    c.json({ error: { code: "method_not_allowed", message: "POST JSON-RPC messages to /api/mcp", details: null } }, 405, { Allow: "POST" }),
  );
