// The sync's contract: what the API says about an account's profile, stats and sync, a post's counts, and their
// histories (zod schemas, also the OpenAPI description). Pure: the web app imports these types too.
import { z } from "@hono/zod-openapi";
import { SYNC_STATUSES } from "./sync-status";

export const AccountProfile = z
  .object({
    displayName: z.string(),
    username: z.string().nullable(),
    /** Our own copy (/api/accounts/{id}/avatar) once synced; TikTok's short-lived URL before the first sync. */
    avatarUrl: z.string().nullable(),
    bioDescription: z.string().nullable(),
    isVerified: z.boolean(),
    profileDeepLink: z.string().nullable(),
  })
  .openapi("AccountProfile");

export const AccountStats = z
  .object({
    followers: z.number(),
    following: z.number(),
    likes: z.number(),
    videos: z.number(),
    syncedAt: z.string(),
    /** Followers now minus on the latest day at least 7 (30) days ago; null without that much history. */
    followersChange7d: z.number().nullable(),
    followersChange30d: z.number().nullable(),
  })
  .openapi("AccountStats");

export const AccountSync = z
  .object({
    lastAt: z.string().nullable(),
    nextAt: z.string().nullable(),
    status: z.enum(SYNC_STATUSES),
    error: z.string().nullable(),
    /** Sync scopes this account did not grant (connected before they were asked for): reconnect to turn them on. */
    missingScopes: z.array(z.string()),
    /** When TikTok's refresh token runs out: the account must be reconnected before then. */
    connectionExpiresAt: z.string(),
  })
  .openapi("AccountSync");

export const PostMetrics = z
  .object({ views: z.number(), likes: z.number(), comments: z.number(), shares: z.number(), syncedAt: z.string() })
  .openapi("PostMetrics");

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2027-01-31");

export const StatsQuery = z.object({ from: day.optional(), to: day.optional() });

export const StatsPoint = z
  .object({ date: z.string(), followers: z.number(), following: z.number(), likes: z.number(), videos: z.number() })
  .openapi("StatsPoint");
export const StatsResponse = z.object({ points: z.array(StatsPoint) });

export const MetricsPoint = z
  .object({ at: z.string(), views: z.number(), likes: z.number(), comments: z.number(), shares: z.number() })
  .openapi("MetricsPoint");
export const MetricsResponse = z.object({ points: z.array(MetricsPoint) });

export const SyncRequested = z.object({ sync: AccountSync });
