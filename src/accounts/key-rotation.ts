// Key rotation for TikTok tokens at rest: rewrites, a batch at a time, every token not yet under the current key
// (or still in the pre-key-ring format). Each rewrite is conditional on the ciphertexts it read, so a refresh
// writing new tokens meanwhile wins. Run by the cron (maintenance.ts) and so by `npm run rotate-keys`.
import { and, eq, ne, not, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { tiktokAccounts } from "../db/schema";
import type { TokenCipher } from "../shared/token-cipher";

export type RotationResult = { rewritten: number; failed: number };

/** Accounts whose tokens are not both under key `keyId` (disconnected accounts hold no tokens). */
function stale(keyId: string) {
  const current = `v2.${keyId}.%`;
  return and(
    ne(tiktokAccounts.accessTokenEnc, ""),
    not(and(sql`${tiktokAccounts.accessTokenEnc} LIKE ${current}`, sql`${tiktokAccounts.refreshTokenEnc} LIKE ${current}`)!),
  );
}

export async function countStaleTokens(db: Database, cipher: TokenCipher) {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(tiktokAccounts)
    .where(stale(await cipher.ring.current.id()));
  return row?.n ?? 0;
}

export async function reencryptTokens(db: Database, cipher: TokenCipher, limit = 50): Promise<RotationResult> {
  const rows = await db
    .select({ id: tiktokAccounts.id, access: tiktokAccounts.accessTokenEnc, refresh: tiktokAccounts.refreshTokenEnc })
    .from(tiktokAccounts)
    .where(stale(await cipher.ring.current.id()))
    .limit(limit);
  const result: RotationResult = { rewritten: 0, failed: 0 };
  for (const row of rows) {
    try {
      const access = await cipher.decrypt(row.access, { accountId: row.id, kind: "access" });
      const refresh = await cipher.decrypt(row.refresh, { accountId: row.id, kind: "refresh" });
      await db
        .update(tiktokAccounts)
        .set({
          accessTokenEnc: await cipher.encrypt(access, { accountId: row.id, kind: "access" }),
          refreshTokenEnc: await cipher.encrypt(refresh, { accountId: row.id, kind: "refresh" }),
        })
        .where(
          and(
            eq(tiktokAccounts.id, row.id),
            eq(tiktokAccounts.accessTokenEnc, row.access),
            eq(tiktokAccounts.refreshTokenEnc, row.refresh),
          ),
        );
      result.rewritten += 1;
    } catch (error) {
      // A key missing from the ring: the account will need reconnecting; never log the ciphertexts.
      console.error("token re-encryption failed", row.id, error instanceof Error ? error.message : "unknown error");
      result.failed += 1;
    }
  }
  return result;
}
