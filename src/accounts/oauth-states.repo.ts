// Used OAuth states of the TikTok connect flow. States are signed and carried by the browser (nothing is written
// when a connect starts); the callback records each state here as it is used, so none can be used twice.
import { lt } from "drizzle-orm";
import type { Database } from "../db/client";
import { oauthStates } from "../db/schema";

/** Records the state as used; false when it already was (a replay). */
export async function markStateUsed(db: Database, row: typeof oauthStates.$inferInsert) {
  const inserted = await db.insert(oauthStates).values(row).onConflictDoNothing().returning({ h: oauthStates.stateHash });
  return inserted.length > 0;
}

/** A used state past its expiry can no longer be presented (its signature has expired): forget it. */
export async function deleteExpiredStates(db: Database, now: number) {
  return (await db.delete(oauthStates).where(lt(oauthStates.expiresAt, now)).run()).meta.changes;
}
