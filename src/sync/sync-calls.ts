// One TikTok read inside the sync: a slot from the app-wide budget first, then the call; what a failure means for the
// run (tiktok-api.md §4): 429 holds every account back a window, a refused token is refreshed once, a revoked
// connection ends the run as needs_reconnect, 5xx and network errors are retried, refusals are recorded.
import { ReconnectRequired } from "../publishing/token-manager";
import { TikTokError } from "../tiktok/errors";
import type { ReadEndpoint } from "./read-budget";
import type { SyncContext } from "./sync-context";
import type { SyncResult } from "./sync-run";

export type Read<T> = { ok: true; value: T } | { ok: false; result: SyncResult };

export async function budgetedRead<T>(ctx: SyncContext, endpoint: ReadEndpoint, read: (token: string) => Promise<T>): Promise<Read<T>> {
  const now = ctx.clock.now();
  let token: string;
  try {
    token = await ctx.tokens.accessToken(now);
  } catch (error) {
    return { ok: false, result: await syncFailure(ctx, endpoint, error) };
  }
  const grant = await ctx.budget.take(endpoint, now);
  if (!grant.granted) return { ok: false, result: { wait: grant.retryAt } };
  try {
    return { ok: true, value: await read(token) };
  } catch (error) {
    return { ok: false, result: await syncFailure(ctx, endpoint, error) };
  }
}

/** What a failed call means for the run; `endpoint` (a read) is held back app-wide on 429. */
export async function syncFailure(ctx: SyncContext, endpoint: ReadEndpoint | null, error: unknown): Promise<SyncResult> {
  if (error instanceof ReconnectRequired) return { reconnect: error.message };
  if (!(error instanceof TikTokError)) throw error;
  const { code } = error;
  if (error.action === "wait") {
    const now = ctx.clock.now();
    return { wait: endpoint ? await ctx.budget.rejected(endpoint, now) : ctx.pacer.afterRejection(now) };
  }
  if (code === "access_token_invalid") return { failed: code, message: "TikTok refused the access token.", refreshToken: true };
  if (code === "scope_not_authorized" || code === "scope_permission_missed") {
    return { failed: code, message: "TikTok refused to share this data: reconnect the account and allow it.", final: true };
  }
  if (error.action === "retry") return { failed: code, message: `TikTok did not answer (${code}).` };
  return { failed: code, message: `TikTok refused the request (${code}: ${error.message}).`, final: true };
}
