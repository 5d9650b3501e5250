// Access tokens for one account: refreshed ahead of expiry, once even when many posts need one at the
// same moment (single flight), and the rotated pair persisted before the new access token is used.
import { and, eq, sql } from "drizzle-orm";
import { database } from "../db/client";
import { tiktokAccounts } from "../db/schema";
import { TokenCipher } from "../shared/crypto";
import { AppError } from "../shared/errors";
import { tiktokClient } from "../tiktok/client";
import { TikTokError } from "../tiktok/errors";

/** Refresh when less than this is left (tiktok-api.md §1.5). */
export const REFRESH_AHEAD_MS = 10 * 60 * 1000;

export class ReconnectRequired extends AppError {
  constructor(reason: string) {
    super(409, "account_needs_reconnect", reason);
  }
}

type AccountTokens = typeof tiktokAccounts.$inferSelect;

export class TokenManager {
  private readonly env: Env;
  private readonly accountId: string;
  private inflight: Promise<string> | null = null;

  constructor(env: Env, accountId: string) {
    this.env = env;
    this.accountId = accountId;
  }

  private cipher() {
    return new TokenCipher(this.env.TOKEN_ENCRYPTION_KEY);
  }

  private async load(): Promise<AccountTokens> {
    const [row] = await database(this.env.DB).select().from(tiktokAccounts).where(eq(tiktokAccounts.id, this.accountId)).limit(1);
    if (!row) throw new ReconnectRequired("The TikTok account was removed from Postflare.");
    if (row.status !== "active") throw new ReconnectRequired(row.statusReason ?? "Reconnect this TikTok account.");
    return row;
  }

  /** A usable access token; `force` refreshes even if the stored one looks valid (TikTok said it is not). */
  async accessToken(now: number, force = false): Promise<string> {
    const account = await this.load();
    if (!force && account.accessExpiresAt - now > REFRESH_AHEAD_MS) return this.cipher().decrypt(account.accessTokenEnc);
    this.inflight ??= this.refresh(account, now).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async refresh(account: AccountTokens, now: number): Promise<string> {
    const cipher = this.cipher();
    const db = database(this.env.DB);
    let tokens;
    try {
      tokens = await tiktokClient(this.env).refresh(await cipher.decrypt(account.refreshTokenEnc), now);
    } catch (error) {
      if (!(error instanceof TikTokError) || error.code !== "invalid_grant") throw error;
      // Someone else may have rotated the pair meanwhile (a reconnect): use theirs (tiktok-api.md §9.7).
      const latest = await this.load();
      if (latest.tokenVersion !== account.tokenVersion) return cipher.decrypt(latest.accessTokenEnc);
      await this.markNeedsReconnect("TikTok no longer accepts this account's connection. Reconnect the account.", now);
      throw new ReconnectRequired("TikTok no longer accepts this account's connection. Reconnect the account.");
    }
    const [saved] = await db
      .update(tiktokAccounts)
      .set({
        accessTokenEnc: await cipher.encrypt(tokens.accessToken),
        refreshTokenEnc: await cipher.encrypt(tokens.refreshToken),
        accessExpiresAt: tokens.accessExpiresAt,
        refreshExpiresAt: tokens.refreshExpiresAt,
        scopes: tokens.scopes.join(","),
        tokenVersion: sql`${tiktokAccounts.tokenVersion} + 1`,
        updatedAt: now,
      })
      .where(and(eq(tiktokAccounts.id, account.id), eq(tiktokAccounts.tokenVersion, account.tokenVersion)))
      .returning({ id: tiktokAccounts.id });
    if (!saved) {
      // A reconnect wrote newer tokens while we refreshed; theirs win.
      return cipher.decrypt((await this.load()).accessTokenEnc);
    }
    return tokens.accessToken;
  }

  async markNeedsReconnect(reason: string, now: number) {
    await database(this.env.DB)
      .update(tiktokAccounts)
      .set({ status: "needs_reconnect", statusReason: reason, updatedAt: now })
      .where(eq(tiktokAccounts.id, this.accountId));
  }
}
