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

  /** The account these tokens belong to. */
  get account() {
    return this.accountId;
  }
  private inflight: Promise<string> | null = null;
  /** The last token read or refreshed, so a publish at its due second needs no database round trip. */
  private cached: { token: string; expiresAt: number } | null = null;

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

  /**
   * A usable access token; `force` refreshes even if the stored one looks valid (TikTok said it is not).
   * A token refused by TikTok (revoked, a reconnect elsewhere) comes back here with `force`, which re-reads D1.
   */
  async accessToken(now: number, force = false): Promise<string> {
    if (!force && this.cached && this.cached.expiresAt - now > REFRESH_AHEAD_MS) return this.cached.token;
    const account = await this.load();
    if (!force && account.accessExpiresAt - now > REFRESH_AHEAD_MS)
      return this.remember(await this.access(account), account.accessExpiresAt);
    this.inflight ??= this.refresh(account, now).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private remember(token: string, expiresAt: number) {
    this.cached = { token, expiresAt };
    return token;
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
      if (latest.tokenVersion !== account.tokenVersion) return this.remember(await this.access(latest), latest.accessExpiresAt);
      this.cached = null;
      await markNeedsReconnect(db, this.accountId, REVOKED, now);
      throw new ReconnectRequired(REVOKED);
    }
    if (!(await saveRefreshedTokens(db, cipher, account.id, account.tokenVersion, tokens, now))) {
      // A reconnect wrote newer tokens while we refreshed; theirs win.
      const latest = await this.load();
      return this.remember(await this.access(latest), latest.accessExpiresAt);
    }
    return this.remember(tokens.accessToken, tokens.accessExpiresAt);
  }

  private access(account: AccountRow): Promise<string> {
    return this.deps.cipher.decrypt(account.accessTokenEnc, { accountId: account.id, kind: "access" });
  }
}
