// Each account's colour on the calendar: stable per account (its place among the workspace's accounts, oldest
// first), from a palette whose colours keep AA contrast as borders and dots in both themes (text stays neutral).
import type { Account } from "../api.ts";

export const ACCOUNT_COLOURS = 8;

export function colourIndex(accounts: Account[], accountId: string): number {
  const ordered = [...accounts].sort((a, b) => a.connectedAt.localeCompare(b.connectedAt) || a.id.localeCompare(b.id));
  const index = ordered.findIndex((a) => a.id === accountId);
  return Math.max(index, 0) % ACCOUNT_COLOURS;
}

export const colourClass = (accounts: Account[], accountId: string) => `acc-c${colourIndex(accounts, accountId)}`;
