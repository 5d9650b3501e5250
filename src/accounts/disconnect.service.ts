// Disconnecting a TikTok account, the one way for every cause (an admin removes it, its workspace or owner is
// deleted, TikTok's authorization.removed): revoke its tokens at TikTok first when they may still work, cancel its
// waiting posts, forget its tokens, and mark it disconnected (reconnecting revives it).
import type { Database } from "../db/client";
import { cancelAccountPosts } from "../posts/account-posts";
import { AppError } from "../shared/errors";
import { tokenCipher } from "../shared/token-cipher";
import { tiktokClient } from "../tiktok/client";
import { TikTokError } from "../tiktok/errors";
import { type AccountRow, markDisconnected } from "./accounts.repo";

/** Revokes the account's access at TikTok; a token TikTok no longer knows is fine, TikTok being down is not. */
export async function revokeAtTikTok(env: Env, account: AccountRow) {
  if (!account.accessTokenEnc) return;
  let accessToken: string;
  try {
    accessToken = await tokenCipher(env).decrypt(account.accessTokenEnc, { accountId: account.id, kind: "access" });
  } catch {
    return; // No key decrypts it any more: nobody can use it either.
  }
  try {
    await tiktokClient(env).revoke(accessToken);
  } catch (error) {
    if (error instanceof TikTokError && error.httpStatus >= 400 && error.httpStatus < 500) return;
    throw new AppError(502, "tiktok_unavailable", "TikTok could not be reached to revoke the account's access; try again in a minute");
  }
}

export async function disconnectAccount(
  env: Env,
  db: Database,
  account: AccountRow,
  options: { revoke: boolean; reason: string },
  now: number,
) {
  if (options.revoke) await revokeAtTikTok(env, account);
  // Its Durable Object holds queued posts until their inits leave: withdraw them there before D1 cancels them.
  await env.ACCOUNT_PUBLISHER.getByName(account.id).withdrawAll();
  const cancelled = await cancelAccountPosts(db, account.id, options.reason, now);
  await markDisconnected(db, account.id, options.reason, now);
  return { cancelled };
}
