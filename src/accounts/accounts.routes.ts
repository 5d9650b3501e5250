// /api/accounts: connect TikTok accounts (OAuth; admins), list them with what the sync knows and read fresh creator
// info (any member), disconnect one (admins). Starting a connect writes nothing (the state is signed, see oauth.service.ts).
import { createRoute } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import { AppError, notFound } from "../shared/errors";
import { errorResponses, json, router, throttledResponse } from "../shared/http";
import { followerChanges } from "../sync/sync-read.repo";
import { clientAddress, throttle } from "../throttle/throttle";
import { TikTokError } from "../tiktok/errors";
import { accountView, findAccount, listAccounts } from "./accounts.repo";
import { AccountId, AccountListResponse, CreatorInfoResponse, OAuthCallbackQuery } from "./accounts.schemas";
import { disconnectAccount } from "./disconnect.service";
import { authorizeUrl, completeConnection, consumeState, type StateBinding } from "./oauth.service";

const connecting = guard("admin", { personOnly: true });

const connectRoute = createRoute({
  method: "get",
  path: "/accounts/tiktok/connect",
  tags: ["accounts"],
  ...connecting,
  responses: { 302: { description: "Redirect to TikTok's consent page" }, ...errorResponses, ...throttledResponse },
});

const callbackRoute = createRoute({
  method: "get",
  path: "/accounts/tiktok/callback",
  tags: ["accounts"],
  ...connecting,
  request: { query: OAuthCallbackQuery },
  responses: { 302: { description: "Back to the app with ?connected= or ?connect_error=" }, ...errorResponses },
});

const listRoute = createRoute({
  method: "get",
  path: "/accounts",
  tags: ["accounts"],
  ...guard("viewer"),
  responses: { 200: json(AccountListResponse), ...errorResponses },
});

const creatorInfoRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/creator-info",
  tags: ["accounts"],
  ...guard("viewer"),
  request: { params: AccountId },
  responses: { 200: json(CreatorInfoResponse), ...errorResponses },
});

const disconnectRoute = createRoute({
  method: "delete",
  path: "/accounts/{id}",
  tags: ["accounts"],
  ...guard("admin"),
  request: { params: AccountId },
  responses: { 200: json(AccountListResponse, "Disconnected (access revoked at TikTok, waiting posts cancelled)"), ...errorResponses },
});

const bindingOf = (s: { sessionId: string | null; userId: string; workspaceId: string }): StateBinding => ({
  sessionId: s.sessionId ?? "",
  userId: s.userId,
  workspaceId: s.workspaceId,
});

export const accountRoutes = router()
  .openapi(connectRoute, async (c) => {
    await throttle(c, "connect_address", clientAddress(c));
    return c.redirect(await authorizeUrl(c.env, bindingOf(c.get("session")), c.var.now), 302);
  })
  .openapi(callbackRoute, async (c) => {
    const query = c.req.valid("query");
    const back = (params: Record<string, string>) => c.redirect(`/?${new URLSearchParams(params)}`, 302);
    const { db, now } = c.var;
    const binding = bindingOf(c.get("session"));
    try {
      if (!query.state) throw new AppError(400, "invalid_state", "TikTok did not return the sign-in state.");
      await consumeState(c.env, db, query.state, binding, now);
      if (query.error || !query.code) {
        const cancelled = query.error === "access_denied";
        return back({
          connect_error: query.error ?? "missing_code",
          message: cancelled ? "You cancelled the connection on TikTok." : (query.error_description ?? "TikTok did not return a code."),
        });
      }
      const accountId = await completeConnection(c.env, db, binding.workspaceId, query.code, now);
      await audit(c, "account.connect", accountId);
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
  })
  .openapi(disconnectRoute, async (c) => {
    const { workspaceId, email } = c.get("session");
    const account = await findAccount(c.var.db, workspaceId, c.req.valid("param").id);
    if (!account) throw notFound("Account");
    const reason = `Disconnected by ${email}`;
    const { cancelled } = await disconnectAccount(c.env, c.var.db, account, { revoke: true, reason }, c.var.now);
    await audit(c, "account.disconnect", account.id, { cancelledPosts: cancelled });
    const [rows, changes] = await Promise.all([listAccounts(c.var.db, workspaceId), followerChanges(c.var.db, workspaceId, c.var.now)]);
    return c.json({ accounts: rows.map((row) => accountView(row, changes.get(row.id))) }, 200);
  });
