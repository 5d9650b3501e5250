// TikTok accounts in D1, with tokens encrypted at rest.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { tiktokAccounts } from "../db/schema";
import type { TokenCipher } from "../shared/crypto";
import { iso } from "../shared/http";
import { newId } from "../shared/ids";
import { avatarUrlOf, type FollowerChanges, profileView, statsView, syncStateView } from "../sync/sync-view";
import type { TokenSet } from "../tiktok/client";

export type AccountRow = typeof tiktokAccounts.$inferSelect;

export type Profile = { displayName: string; username: string | null; avatarUrl: string | null };

/** Stores a freshly connected (or reconnected) account; a reconnect keeps the id and revives the account. */
export async function upsertConnectedAccount(
  db: Database,
  cipher: TokenCipher,
  workspaceId: string,
  tokens: TokenSet,
  profile: Profile,
  now: number,
): Promise<string> {
  const values = {
    displayName: profile.displayName,
    username: profile.username,
    avatarUrl: profile.avatarUrl,
    scopes: tokens.scopes.join(","),
    accessTokenEnc: await cipher.encrypt(tokens.accessToken),
    refreshTokenEnc: await cipher.encrypt(tokens.refreshToken),
    accessExpiresAt: tokens.accessExpiresAt,
    refreshExpiresAt: tokens.refreshExpiresAt,
    status: "active" as const,
    statusReason: null,
    updatedAt: now,
    // The first sync (profile, stats, creator info) goes out with the next tick; a reconnect syncs again.
    nextSyncAt: now,
    profileDueAt: null,
    syncStatus: "pending" as const,
    syncError: null,
  };
  const [row] = await db
    .insert(tiktokAccounts)
    .values({ id: newId("acc"), workspaceId, openId: tokens.openId, connectedAt: now, ...values })
    .onConflictDoUpdate({
      target: [tiktokAccounts.workspaceId, tiktokAccounts.openId],
      set: { ...values, tokenVersion: sql`${tiktokAccounts.tokenVersion} + 1` },
    })
    .returning({ id: tiktokAccounts.id });
  return row!.id;
}

export async function findAccount(db: Database, workspaceId: string, accountId: string) {
  const [row] = await db
    .select()
    .from(tiktokAccounts)
    .where(and(eq(tiktokAccounts.id, accountId), eq(tiktokAccounts.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

/** An account by id alone (its Durable Object acts for the system, not for a person). */
export async function findAccountById(db: Database, accountId: string) {
  const [row] = await db.select().from(tiktokAccounts).where(eq(tiktokAccounts.id, accountId)).limit(1);
  return row ?? null;
}

/** Stores a refreshed token pair, only if nobody rotated the pair since `fromVersion` was read. */
export async function saveRefreshedTokens(
  db: Database,
  cipher: TokenCipher,
  accountId: string,
  fromVersion: number,
  tokens: TokenSet,
  now: number,
) {
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
    .where(and(eq(tiktokAccounts.id, accountId), eq(tiktokAccounts.tokenVersion, fromVersion)))
    .returning({ id: tiktokAccounts.id });
  return saved !== undefined;
}

export async function markNeedsReconnect(db: Database, accountId: string, reason: string, now: number) {
  await db
    .update(tiktokAccounts)
    .set({ status: "needs_reconnect", statusReason: reason, updatedAt: now })
    .where(eq(tiktokAccounts.id, accountId));
}

/** TikTok's authorization.removed: the creator took Postflare's access away. */
export async function disconnectByOpenId(db: Database, openId: string, reason: string, now: number) {
  await db
    .update(tiktokAccounts)
    .set({ status: "disconnected", statusReason: reason, updatedAt: now })
    .where(eq(tiktokAccounts.openId, openId));
}

export async function listAccounts(db: Database, workspaceId: string) {
  return db.select().from(tiktokAccounts).where(eq(tiktokAccounts.workspaceId, workspaceId)).orderBy(tiktokAccounts.connectedAt);
}

export function accountView(row: AccountRow, changes?: FollowerChanges) {
  return {
    id: row.id,
    openId: row.openId,
    displayName: row.displayName,
    username: row.username,
    avatarUrl: avatarUrlOf(row),
    status: row.status,
    statusReason: row.statusReason,
    scopes: row.scopes.split(",").filter(Boolean),
    connectedAt: iso(row.connectedAt)!,
    profile: profileView(row),
    stats: statsView(row, changes),
    sync: syncStateView(row),
  };
}
