// TikTok accounts in D1, with tokens encrypted at rest.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { tiktokAccounts } from "../db/schema";
import { reconnectOutbox } from "../events/outbox";
import { iso } from "../shared/http";
import { newId } from "../shared/ids";
import type { TokenCipher } from "../shared/token-cipher";
import { avatarUrlOf, type FollowerChanges, profileView, statsView, syncStateView } from "../sync/sync-view";
import type { TokenSet } from "../tiktok/client";

export type AccountRow = typeof tiktokAccounts.$inferSelect;

export type Profile = { displayName: string; username: string | null; avatarUrl: string | null };

/** The two tokens encrypted for this account's row (the account id and the kind are the AAD). */
async function sealed(cipher: TokenCipher, accountId: string, tokens: Pick<TokenSet, "accessToken" | "refreshToken">) {
  return {
    accessTokenEnc: await cipher.encrypt(tokens.accessToken, { accountId, kind: "access" }),
    refreshTokenEnc: await cipher.encrypt(tokens.refreshToken, { accountId, kind: "refresh" }),
  };
}

/** Stores a freshly connected (or reconnected) account; a reconnect keeps the id and revives the account. */
export async function upsertConnectedAccount(
  db: Database,
  cipher: TokenCipher,
  workspaceId: string,
  tokens: TokenSet,
  profile: Profile,
  now: number,
): Promise<string> {
  const [existing] = await db
    .select({ id: tiktokAccounts.id })
    .from(tiktokAccounts)
    .where(and(eq(tiktokAccounts.workspaceId, workspaceId), eq(tiktokAccounts.openId, tokens.openId)))
    .limit(1);
  const id = existing?.id ?? newId("acc");
  const values = {
    displayName: profile.displayName,
    username: profile.username,
    avatarUrl: profile.avatarUrl,
    scopes: tokens.scopes.join(","),
    ...(await sealed(cipher, id, tokens)),
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
    .values({ id, workspaceId, openId: tokens.openId, connectedAt: now, ...values })
    .onConflictDoUpdate({
      target: [tiktokAccounts.workspaceId, tiktokAccounts.openId],
      set: { ...values, tokenVersion: sql`${tiktokAccounts.tokenVersion} + 1` },
    })
    .returning({ id: tiktokAccounts.id });
  // A concurrent first connect of the same TikTok user won the insert: seal the tokens for its row instead.
  if (row!.id !== id)
    await db
      .update(tiktokAccounts)
      .set(await sealed(cipher, row!.id, tokens))
      .where(eq(tiktokAccounts.id, row!.id));
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
      ...(await sealed(cipher, accountId, tokens)),
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
  await db.batch([
    // The account.needs_reconnect integration event, read before the UPDATE (only an active account raises it).
    reconnectOutbox(db, accountId, now),
    db
      .update(tiktokAccounts)
      .set({ status: "needs_reconnect", statusReason: reason, updatedAt: now })
      .where(eq(tiktokAccounts.id, accountId)),
  ]);
}

/** Disconnected: the tokens are forgotten (reconnecting stores new ones) and the status says why. */
export async function markDisconnected(db: Database, accountId: string, reason: string, now: number) {
  await db
    .update(tiktokAccounts)
    .set({
      status: "disconnected",
      statusReason: reason,
      accessTokenEnc: "",
      refreshTokenEnc: "",
      accessExpiresAt: 0,
      refreshExpiresAt: 0,
      tokenVersion: sql`${tiktokAccounts.tokenVersion} + 1`,
      updatedAt: now,
    })
    .where(eq(tiktokAccounts.id, accountId));
}

/** Every account (in any workspace) of one TikTok user: TikTok's webhooks name the user, not the workspace. */
export async function accountsByOpenId(db: Database, openId: string) {
  return db.select().from(tiktokAccounts).where(eq(tiktokAccounts.openId, openId));
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
