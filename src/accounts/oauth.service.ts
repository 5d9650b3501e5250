// The TikTok connect flow: authorize URL with a single-use state bound to the user, then the code exchange.
import type { Database } from "../db/client";
import { randomToken, sha256Hex, TokenCipher } from "../shared/crypto";
import { AppError } from "../shared/errors";
import { SYNC_SCOPES } from "../sync/sync-status";
import { tiktokClient } from "../tiktok/client";
import { upsertConnectedAccount } from "./accounts.repo";
import { insertState, takeState } from "./oauth-states.repo";

export const REQUIRED_SCOPES = ["user.info.basic", "video.publish", "video.upload"];
/** Asked for too (profile, stats, the post list); a person may untick them and still publish, without stats. */
export const REQUESTED_SCOPES = [...REQUIRED_SCOPES, ...SYNC_SCOPES];
const STATE_TTL_MS = 10 * 60 * 1000;

export const callbackUrl = (env: Env) => new URL("/api/accounts/tiktok/callback", env.APP_URL).toString();

export async function authorizeUrl(env: Env, db: Database, userId: string, workspaceId: string, now: number) {
  const state = randomToken();
  await insertState(db, { stateHash: await sha256Hex(state), userId, workspaceId, expiresAt: now + STATE_TTL_MS });
  const url = new URL(env.TIKTOK_AUTH_URL);
  url.searchParams.set("client_key", env.TIKTOK_CLIENT_KEY);
  url.searchParams.set("scope", REQUESTED_SCOPES.join(","));
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", callbackUrl(env));
  url.searchParams.set("state", state);
  // Always show TikTok's consent page so a person can pick which account to connect.
  url.searchParams.set("disable_auto_auth", "1");
  return url.toString();
}

/** Consumes the state (single use) and checks it was issued to this user. */
export async function consumeState(db: Database, state: string, userId: string, now: number) {
  // Only the user who started the flow can consume its state (another user's attempt must not burn it).
  const row = await takeState(db, await sha256Hex(state), userId, now);
  if (!row) {
    throw new AppError(400, "invalid_state", "The TikTok sign-in expired or did not start here. Try connecting again.");
  }
  return row;
}

export async function completeConnection(env: Env, db: Database, workspaceId: string, code: string, now: number) {
  const client = tiktokClient(env);
  const tokens = await client.exchangeCode(code, callbackUrl(env), now);
  const missing = REQUIRED_SCOPES.filter((s) => !tokens.scopes.includes(s));
  if (missing.length > 0) {
    throw new AppError(
      400,
      "missing_scopes",
      `Postflare needs these TikTok permissions: ${missing.join(", ")}. Connect again and allow them.`,
    );
  }
  const user = await client.userInfo(tokens.accessToken);
  // The @handle needs user.info.profile; creator info (video.publish) carries it too.
  const creator = await client.creatorInfo(tokens.accessToken).catch(() => null);
  const profile = {
    displayName: user.display_name || creator?.creator_nickname || "TikTok account",
    username: user.username ?? (creator?.creator_username || null),
    avatarUrl: user.avatar_url ?? (creator?.creator_avatar_url || null),
  };
  return upsertConnectedAccount(db, new TokenCipher(env.TOKEN_ENCRYPTION_KEY), workspaceId, tokens, profile, now);
}
