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
    limits: z.object({ init: int, creatorInfo: int, statusFetch: int, userInfo: int }).partial().strict(),
    dailyPostCap: int,
    pendingShareCap: int,
    activeUserCap: int.nullable(),
    unaudited: z.boolean(),
    verifiedUrlPrefixes: z.array(z.string()),
    uploadUrlTtlSec: nonNeg,
    chunkRules: z.object({ minChunk: int, maxChunk: int, maxLastChunk: int, maxChunks: int, maxVideoSize: int }).partial().strict(),
    inboxMaxDurationSec: nonNeg,
    postIdFormat: z.enum(["int64", "safe-number", "string"]),
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
  })
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
