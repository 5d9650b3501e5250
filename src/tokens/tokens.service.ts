// API tokens: a random secret shown once, stored as its SHA-256, acting as its creator in one workspace.
import { atLeast, type Role } from "../auth/roles";
import type { Database } from "../db/client";
import { randomToken, sha256Hex } from "../shared/crypto";
import { AppError } from "../shared/errors";
import { iso } from "../shared/http";
import { insertToken, type TokenRow } from "./tokens.repo";

/** `pft_` + 256 random bits (base64url). The prefix lets secret scanners recognise a leaked token. */
export const newTokenSecret = () => `pft_${randomToken(32)}`;

export function tokenView(row: TokenRow) {
  return { id: row.id, name: row.name, role: row.roleLimit, createdAt: iso(row.createdAt)!, lastUsedAt: iso(row.lastUsedAt) };
}

type Creator = { workspaceId: string; userId: string; role: Role };

export async function createToken(db: Database, creator: Creator, input: { name: string; role?: Role }, now: number) {
  if (input.role && !atLeast(creator.role, input.role)) {
    throw new AppError(403, "forbidden", `A token cannot have more than your own role (${creator.role})`);
  }
  const token = newTokenSecret();
  const row: TokenRow = {
    id: `tok_${randomToken(12)}`,
    workspaceId: creator.workspaceId,
    userId: creator.userId,
    name: input.name,
    tokenHash: await sha256Hex(token),
    roleLimit: input.role ?? null,
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
  };
  await insertToken(db, row);
  return { token, apiToken: tokenView(row) };
}
