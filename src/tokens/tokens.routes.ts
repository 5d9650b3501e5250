// /api/tokens: a person's API tokens in the current workspace (for scripts: `Authorization: Bearer <token>`).
// Managing tokens takes the person's own session; a token cannot mint or list tokens.
import { createRoute } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import { notFound } from "../shared/errors";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { listTokens, revokeToken } from "./tokens.repo";
import { CreatedToken, NewToken, TokenId, TokenList } from "./tokens.schemas";
import { createToken, tokenView } from "./tokens.service";

const person = guard("viewer", { personOnly: true });

const createTokenRoute = createRoute({
  method: "post",
  path: "/tokens",
  tags: ["tokens"],
  ...person,
  request: { body: jsonBody(NewToken) },
  responses: { 201: json(CreatedToken, "Created: the token is in this answer only"), ...errorResponses },
});

const listRoute = createRoute({
  method: "get",
  path: "/tokens",
  tags: ["tokens"],
  ...person,
  responses: { 200: json(TokenList), ...errorResponses },
});

const revokeRoute = createRoute({
  method: "delete",
  path: "/tokens/{id}",
  tags: ["tokens"],
  ...person,
  request: { params: TokenId },
  responses: { 204: { description: "Revoked: the token no longer works" }, ...errorResponses },
});

export const tokenRoutes = router()
  .openapi(createTokenRoute, async (c) => {
    const { workspaceId, userId, role } = c.get("session");
    const created = await createToken(c.var.db, { workspaceId, userId, role }, c.req.valid("json"), c.var.now);
    await audit(c, "token.create", created.apiToken.id, { name: created.apiToken.name, role: created.apiToken.role });
    return c.json(created, 201);
  })
  .openapi(listRoute, async (c) => {
    const { workspaceId, userId } = c.get("session");
    return c.json({ tokens: (await listTokens(c.var.db, workspaceId, userId)).map(tokenView) }, 200);
  })
  .openapi(revokeRoute, async (c) => {
    const { workspaceId, userId } = c.get("session");
    const row = await revokeToken(c.var.db, workspaceId, userId, c.req.valid("param").id, c.var.now);
    if (!row) throw notFound("Token");
    await audit(c, "token.revoke", row.id, { name: row.name });
    return c.body(null, 204);
  });
