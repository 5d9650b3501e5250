// The daily digest's queries: who wants one, and a workspace's last and next 24 hours.
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { alertChannels, alertPreferences, integrationEvents, posts, tiktokAccounts, workspaceSettings } from "../db/schema";

/** Workspaces where someone (or a Slack/Discord channel) opted in to the digest, with the workspace's time zone. */
export async function digestWorkspaces(db: Database): Promise<{ workspaceId: string; timezone: string | null }[]> {
  const people = db
    .selectDistinct({ workspaceId: alertPreferences.workspaceId, timezone: workspaceSettings.timezone })
    .from(alertPreferences)
    .leftJoin(workspaceSettings, eq(workspaceSettings.workspaceId, alertPreferences.workspaceId))
    .where(sql`json_array_length(json_extract(${alertPreferences.prefs}, '$.digest')) > 0`);
  const channels = db
    .selectDistinct({ workspaceId: alertChannels.workspaceId, timezone: workspaceSettings.timezone })
    .from(alertChannels)
    .leftJoin(workspaceSettings, eq(workspaceSettings.workspaceId, alertChannels.workspaceId))
    .where(sql`EXISTS (SELECT 1 FROM json_each(${alertChannels.alerts}) WHERE value = 'digest')`);
  return people.union(channels);
}

/** Which of these digest events already exist. */
export async function existingKeys(db: Database, keys: string[]) {
  if (keys.length === 0) return new Set<string>();
  const rows = await db
    .select({ key: integrationEvents.dedupeKey })
    .from(integrationEvents)
    .where(inArray(integrationEvents.dedupeKey, keys));
  return new Set(rows.map((r) => r.key));
}

const OUTCOMES = ["post.published", "post.failed", "post.missed", "post.unconfirmed"] as const;

/** Outcomes reported in [from, to) (integration events: each outcome once, however often TikTok repeated it). */
export async function outcomesBetween(db: Database, workspaceId: string, from: number, to: number) {
  const rows = await db
    .select({ type: integrationEvents.type, n: sql<number>`count(*)`.mapWith(Number) })
    .from(integrationEvents)
    .where(
      and(
        eq(integrationEvents.workspaceId, workspaceId),
        gte(integrationEvents.createdAt, from),
        lt(integrationEvents.createdAt, to),
        inArray(integrationEvents.type, [...OUTCOMES]),
      ),
    )
    .groupBy(integrationEvents.type);
  return new Map(rows.map((r) => [r.type, r.n]));
}

export async function upcomingBetween(db: Database, workspaceId: string, from: number, to: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(posts)
    .where(
      and(
        eq(posts.workspaceId, workspaceId),
        gte(posts.scheduledAt, from),
        lt(posts.scheduledAt, to),
        inArray(posts.status, ["scheduled", "queued", "pending_approval"]),
      ),
    );
  return row?.n ?? 0;
}

export async function accountsNeedingReconnect(db: Database, workspaceId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(tiktokAccounts)
    .where(and(eq(tiktokAccounts.workspaceId, workspaceId), eq(tiktokAccounts.status, "needs_reconnect")));
  return row?.n ?? 0;
}
