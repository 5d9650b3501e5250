// zod contracts for the /__emu/ control API bodies; unknown keys are rejected so typos fail loudly.
import { z } from "zod";

const nonNeg = z.number().nonnegative();
const int = z.number().int().nonnegative();

export const configPatch = z
  .object({
    publicUrl: z.string().url().nullable(),
    clientKey: z.string().min(1),
    clientSecret: z.string().min(1),
    redirectUris: z.array(z.string()),
    appScopes: z.array(z.string()),
    authCodeTtlSec: nonNeg,
    accessTokenTtlSec: nonNeg,
    refreshTokenTtlSec: nonNeg,
    strictRotation: z.boolean(),
    refreshExtendsRefreshExpiry: z.boolean(),
    oauthErrorsWithHttp200: z.boolean(),
    processingDelayMs: nonNeg,
    moderationDelayMs: nonNeg,
    apiLatencyMs: nonNeg,
    rateLimitWindowMs: z.number().positive(),
    limits: z.object({ init: int, creatorInfo: int, statusFetch: int, userInfo: int, videoList: int, videoQuery: int }).partial().strict(),
    readLimitScope: z.enum(["app", "token"]),
    dailyPostCap: int,
    pendingShareCap: int,
    activeUserCap: int.nullable(),
    unaudited: z.boolean(),
    verifiedUrlPrefixes: z.array(z.string()),
    uploadUrlTtlSec: nonNeg,
    chunkRules: z.object({ minChunk: int, maxChunk: int, maxLastChunk: int, maxChunks: int, maxVideoSize: int }).partial().strict(),
    inboxMaxDurationSec: nonNeg,
    postIdFormat: z.enum(["int64", "safe-number", "string"]),
    omitPublicPostId: z.boolean(),
    metricsGrowth: z.boolean(),
    avatarUrlTtlSec: nonNeg,
    coverUrlTtlSec: nonNeg,
    webhookUrl: z.string().url().nullable(),
    webhookDuplicates: int,
    webhookDelayMs: nonNeg,
    webhookReorder: z.boolean(),
    webhookMaxAttempts: z.number().int().positive(),
    webhookRetryDelayMs: nonNeg,
    pullTimeoutMs: z.number().positive(),
    seed: z.number().int().nullable(),
  })
  .partial()
  .strict();

export const userPatch = z
  .object({
    nickname: z.string().min(1),
    isPrivate: z.boolean(),
    commentDisabled: z.boolean(),
    duetDisabled: z.boolean(),
    stitchDisabled: z.boolean(),
    maxVideoPostDurationSec: z.number().int().positive(),
    cannotPost: z.enum(["spam_risk_too_many_posts", "spam_risk_user_banned_from_posting", "reached_active_user_cap"]).nullable(),
    bio: z.string(),
    isVerified: z.boolean(),
    avatarVersion: z.number().int().positive(),
  })
  .partial()
  .strict();

/** PUT /__emu/users/:username/stats: what user.info.stats reports (likes_count null = sum of the videos' likes). */
export const userStatsBody = z.object({ follower_count: int, following_count: int, likes_count: int.nullable() }).partial().strict();

/** PUT /__emu/videos/:id/metrics: fixed counts for one video (growth stops for it). */
export const videoMetricsBody = z.object({ view_count: int, like_count: int, comment_count: int, share_count: int }).partial().strict();

/** POST /__emu/users/:username/videos: a post made outside the API (from the TikTok app). */
export const newVideoBody = z
  .object({ title: z.string().max(2200), create_time: z.number().int().positive(), is_public: z.boolean(), duration: int })
  .partial()
  .strict();

export const faultsBody = z
  .object({
    openId: z.string().min(1),
    errorRate5xx: z.number().min(0).max(1),
    latencyMs: nonNeg,
    force429: int,
    dropConnectionMidChunk: int,
    expireTokens: z.boolean(),
    neverComplete: z.boolean(),
    failReason: z.string().min(1).nullable(),
  })
  .partial()
  .strict();

export const inboxPostBody = z
  .object({ privacy_level: z.enum(["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY"]) })
  .partial()
  .strict();

export const revokeBody = z
  .object({ reason: z.number().int().min(0).max(5) })
  .partial()
  .strict();
