// Access tokens for one account: refreshed ahead of expiry, once even when many posts need one at the
// same moment (single flight), and the rotated pair persisted before the new access token is used.
import { type AccountRow, findAccountById, markNeedsReconnect, saveRefreshedTokens } from "../accounts/accounts.repo";
import type { Database } from "../db/client";
import { AppError } from "../shared/errors";
import type { TokenCipher } from "../shared/token-cipher";
import type { TikTokClient, TokenSet } from "../tiktok/client";
import { TikTokError } from "../tiktok/errors";

/** Refresh when less than this is left (tiktok-api.md §1.5). */
export const REFRESH_AHEAD_MS = 10 * 60 * 1000;
const REVOKED = "TikTok no longer accepts this account's connection. Reconnect the account.";

export class ReconnectRequired extends AppError {
  constructor(reason: string) {
    super(409, "account_needs_reconnect", reason);
  }
}

export type TokenDeps = { db: Database; cipher: TokenCipher; client: TikTokClient };

export class TokenManager {
  private readonly deps: TokenDeps;
  private readonly accountId: string;
  private inflight: Promise<string> | null = null;

  constructor(deps: TokenDeps, accountId: string) {
    this.deps = deps;
    this.accountId = accountId;
  }

  private async load(): Promise<AccountRow> {
    const row = await findAccountById(this.deps.db, this.accountId);
    if (!row) throw new ReconnectRequired("The TikTok account was removed from Postflare.");
    if (row.status !== "active") throw new ReconnectRequired(row.statusReason ?? "Reconnect this TikTok account.");
    return row;
  }

  /** A usable access token; `force` refreshes even if the stored one looks valid (TikTok said it is not). */
  async accessToken(now: number, force = false): Promise<string> {
    const account = await this.load();
    if (!force && account.accessExpiresAt - now > REFRESH_AHEAD_MS) return this.access(account);
    this.inflight ??= this.refresh(account, now).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async refresh(account: AccountRow, now: number): Promise<string> {
    const { db, cipher, client } = this.deps;
    let tokens: TokenSet;
    try {
      tokens = await client.refresh(await cipher.decrypt(account.refreshTokenEnc, { accountId: account.id, kind: "refresh" }), now);
    } catch (error) {
      if (!(error instanceof TikTokError) || error.code !== "invalid_grant") throw error;
      // Someone else may have rotated the pair meanwhile (a reconnect): use theirs (tiktok-api.md §9.7).
      const latest = await this.load();
      if (latest.tokenVersion !== account.tokenVersion) return this.access(latest);
      await markNeedsReconnect(db, this.accountId, REVOKED, now);
      throw new ReconnectRequired(REVOKED);
    }
    if (!(await saveRefreshedTokens(db, cipher, account.id, account.tokenVersion, tokens, now))) {
      // A reconnect wrote newer tokens while we refreshed; theirs win.
      return this.access(await this.load());
    }
    return tokens.accessToken;
  }

  private access(account: AccountRow): Promise<string> {
    return this.deps.cipher.decrypt(account.accessTokenEnc, { accountId: account.id, kind: "access" });
  }
}
