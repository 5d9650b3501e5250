// /api/accounts: connect TikTok accounts (OAuth), list them (with what the sync knows), read fresh creator info.
import { createRoute } from "@hono/zod-openapi";
import { requireSession } from "../auth/session";
import { AppError, notFound } from "../shared/errors";
import { errorResponses, json, router } from "../shared/http";
import { followerChanges } from "../sync/sync-read.repo";
import { TikTokError } from "../tiktok/errors";
import { accountView, findAccount, listAccounts } from "./accounts.repo";
import { AccountId, AccountListResponse, CreatorInfoResponse, OAuthCallbackQuery } from "./accounts.schemas";
import { authorizeUrl, completeConnection, consumeState } from "./oauth.service";

const connectRoute = createRoute({
  method: "get",
  path: "/accounts/tiktok/connect",
  tags: ["accounts"],
  middleware: [requireSession] as const,
  responses: { 302: { description: "Redirect to TikTok's consent page" }, ...errorResponses },
});

const callbackRoute = createRoute({
  method: "get",
  path: "/accounts/tiktok/callback",
  tags: ["accounts"],
  middleware: [requireSession] as const,
  request: { query: OAuthCallbackQuery },
  responses: { 302: { description: "Back to the app with ?connected= or ?connect_error=" } },
});

const listRoute = createRoute({
  method: "get",
  path: "/accounts",
  tags: ["accounts"],
  middleware: [requireSession] as const,
  responses: { 200: json(AccountListResponse), ...errorResponses },
});

const creatorInfoRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/creator-info",
  tags: ["accounts"],
  middleware: [requireSession] as const,
  request: { params: AccountId },
  responses: { 200: json(CreatorInfoResponse), ...errorResponses },
});

export const accountRoutes = router()
  .openapi(connectRoute, async (c) => {
    const { userId, workspaceId } = c.get("session");
    return c.redirect(await authorizeUrl(c.env, c.var.db, userId, workspaceId, c.var.now), 302);
  })
  .openapi(callbackRoute, async (c) => {
    const query = c.req.valid("query");
    const back = (params: Record<string, string>) => c.redirect(`/?${new URLSearchParams(params)}`, 302);
    const { db, now } = c.var;
    try {
      if (!query.state) throw new AppError(400, "invalid_state", "TikTok did not return the sign-in state.");
      const state = await consumeState(db, query.state, c.get("session").userId, now);
      if (query.error || !query.code) {
        const cancelled = query.error === "access_denied";
        return back({
          connect_error: query.error ?? "missing_code",
          message: cancelled ? "You cancelled the connection on TikTok." : (query.error_description ?? "TikTok did not return a code."),
        });
      }
      const accountId = await completeConnection(c.env, db, state.workspaceId, query.code, now);
      return back({ connected: accountId });
    } catch (error) {
      if (error instanceof AppError) return back({ connect_error: error.code, message: error.message });
      if (error instanceof TikTokError) {
        console.error("tiktok connect failed", error.code, error.logId);
        return back({ connect_error: error.code, message: `TikTok refused the connection: ${error.message}` });
      }
      throw error;
    }
  })
  .openapi(listRoute, async (c) => {
    const { workspaceId } = c.get("session");
    const [rows, changes] = await Promise.all([listAccounts(c.var.db, workspaceId), followerChanges(c.var.db, workspaceId, c.var.now)]);
    return c.json({ accounts: rows.map((row) => accountView(row, changes.get(row.id))) }, 200);
  })
  .openapi(creatorInfoRoute, async (c) => {
    const account = await findAccount(c.var.db, c.get("session").workspaceId, c.req.valid("param").id);
    if (!account) throw notFound("Account");
    const publisher = c.env.ACCOUNT_PUBLISHER.getByName(account.id);
    const creatorInfo = await publisher.creatorInfo(account.id);
    return c.json({ creatorInfo }, 200);
  });
