// OAuth states of the TikTok connect flow: single use, short lived, bound to the user who started it.
import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../db/client";
import { oauthStates } from "../db/schema";

export async function insertState(db: Database, row: typeof oauthStates.$inferInsert) {
  await db.insert(oauthStates).values(row);
}

/** Deletes and returns the state, only for the user who started the flow and only before it expires. */
export async function takeState(db: Database, stateHash: string, userId: string, now: number) {
  const [row] = await db
    .delete(oauthStates)
    .where(and(eq(oauthStates.stateHash, stateHash), eq(oauthStates.userId, userId), gt(oauthStates.expiresAt, now)))
    .returning();
  return row ?? null;
}
