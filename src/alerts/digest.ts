// The daily digest: from 08:00 in the workspace's time zone, one `workspace.digest` event a local day for a workspace
// where someone opted in; it goes out through the alert pipeline (once per person and channel, like any alert).
// Its body is the last 24 hours' outcomes and the next 24 hours' posts, read when it is dispatched.
import type { Database } from "../db/client";
import { digestOutbox } from "../events/outbox";
import { wallClockAt } from "../shared/wall-clock";
import type { DigestData } from "./alert-text";
import { accountsNeedingReconnect, digestWorkspaces, existingKeys, outcomesBetween, upcomingBetween } from "./digest.repo";

export const DIGEST_HOUR = 8;
const DAY_MS = 24 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

/** The local day (YYYY-MM-DD) whose digest is due at `now`, or null before DIGEST_HOUR. */
export function digestDay(now: number, timezone: string): string | null {
  const local = wallClockAt(now, timezone);
  return local.hour < DIGEST_HOUR ? null : `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}

export const digestKey = (workspaceId: string, day: string) => `digest:${workspaceId}:${day}`;

/** Called by every tick: raises the digests now due (a missed tick catches up later the same local day). */
export async function raiseDigests(db: Database, now: number) {
  const due = (await digestWorkspaces(db))
    .map((w) => ({ workspaceId: w.workspaceId, day: digestDay(now, w.timezone ?? "UTC") }))
    .filter((w): w is { workspaceId: string; day: string } => w.day !== null);
  const raised = await existingKeys(
    db,
    due.map((w) => digestKey(w.workspaceId, w.day)),
  );
  const missing = due.filter((w) => !raised.has(digestKey(w.workspaceId, w.day)));
  for (const w of missing) await digestOutbox(db, w.workspaceId, digestKey(w.workspaceId, w.day), now);
  return missing.length;
}

/** What the digest raised at `at` says. */
export async function digestData(db: Database, workspaceId: string, timezone: string | null, at: number): Promise<DigestData> {
  const zone = timezone ?? "UTC";
  const [outcomes, upcoming, needsReconnect] = await Promise.all([
    outcomesBetween(db, workspaceId, at - DAY_MS, at),
    upcomingBetween(db, workspaceId, at, at + DAY_MS),
    accountsNeedingReconnect(db, workspaceId),
  ]);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short" }).format(at);
  return {
    day,
    timezone: zone,
    published: outcomes.get("post.published") ?? 0,
    failed: outcomes.get("post.failed") ?? 0,
    missed: outcomes.get("post.missed") ?? 0,
    unconfirmed: outcomes.get("post.unconfirmed") ?? 0,
    upcoming,
    needsReconnect,
  };
}
