// The TikTok connect flow: an authorize URL with a signed state bound to the session and workspace that started it
// (nothing is stored yet: starting is a GET), then at the callback the single-use check and the code exchange.
import type { Database } from "../db/client";
import { randomToken, sha256Hex } from "../shared/crypto";
import { AppError } from "../shared/errors";
import { KeyRing } from "../shared/keyring";
import { tokenCipher } from "../shared/token-cipher";
import { SYNC_SCOPES } from "../sync/sync-status";
import { tiktokClient } from "../tiktok/client";
import { upsertConnectedAccount } from "./accounts.repo";
import { markStateUsed } from "./oauth-states.repo";

export const REQUIRED_SCOPES = ["user.info.basic", "video.publish", "video.upload"];
/** Asked for too (profile, stats, the post list); a person may untick them and still publish, without stats. */
export const REQUESTED_SCOPES = [...REQUIRED_SCOPES, ...SYNC_SCOPES];
const STATE_TTL_MS = 10 * 60 * 1000;

export const callbackUrl = (env: Env) => new URL("/api/accounts/tiktok/callback", env.APP_URL).toString();

/** Whose connect this is: the state is only valid for the same session, in the same workspace. */
export type StateBinding = { sessionId: string; userId: string; workspaceId: string };

const signed = (nonce: string, expiresAt: number, b: StateBinding) =>
  `oauth-state:v1:${nonce}:${expiresAt}:${b.sessionId}:${b.workspaceId}`;

async function newState(env: Env, binding: StateBinding, now: number) {
  const nonce = randomToken(16);
  const expiresAt = now + STATE_TTL_MS;
  return `${nonce}.${expiresAt}.${await KeyRing.fromEnv(env).sign("oauth-state", signed(nonce, expiresAt, binding))}`;
}

export async function authorizeUrl(env: Env, binding: StateBinding, now: number) {
  const url = new URL(env.TIKTOK_AUTH_URL);
  url.searchParams.set("client_key", env.TIKTOK_CLIENT_KEY);
  url.searchParams.set("scope", REQUESTED_SCOPES.join(","));
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", callbackUrl(env));
  url.searchParams.set("state", await newState(env, binding, now));
  // Always show TikTok's consent page so a person can pick which account to connect.
  url.searchParams.set("disable_auto_auth", "1");
  return url.toString();
}

const invalidState = () => new AppError(400, "invalid_state", "The TikTok sign-in expired or did not start here. Try connecting again.");

/** Checks the state was issued to this session and workspace, is fresh, and has not been used; then uses it. */
export async function consumeState(env: Env, db: Database, state: string, binding: StateBinding, now: number) {
  const [nonce, exp, signature] = state.split(".");
  const expiresAt = Number(exp);
  if (!nonce || !signature || !Number.isSafeInteger(expiresAt) || expiresAt <= now) throw invalidState();
  const ring = KeyRing.fromEnv(env);
  if (!(await ring.verify("oauth-state", signed(nonce, expiresAt, binding), signature))) throw invalidState();
  // HMAC verify compares in constant time; the hash only names the state in the used-states table.
  const stateHash = await sha256Hex(nonce);
  const fresh = await markStateUsed(db, { stateHash, userId: binding.userId, workspaceId: binding.workspaceId, expiresAt });
  if (!fresh) throw invalidState();
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
  return upsertConnectedAccount(db, tokenCipher(env), workspaceId, tokens, profile, now);
}
