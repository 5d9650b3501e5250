// Emulator options: every tunable with its documented default, plus deep-merge for PATCH /__emu/config.

/** Scopes TikTok knows (tiktok-api.md §1.2). */
export const KNOWN_SCOPES = [
  "user.info.basic",
  "user.info.profile",
  "user.info.stats",
  "video.list",
  "video.publish",
  "video.upload",
] as const;

export interface RateLimits {
  /** video/init and inbox/video/init, each its own window per token (§5). */
  init: number;
  creatorInfo: number;
  statusFetch: number;
  /** user/info, video/list and video/query: 600 each (§2.1, §5); see `readLimitScope`. */
  userInfo: number;
  videoList: number;
  videoQuery: number;
}

/** Whose calls share a read endpoint's window: TikTok does not say (§5), so the strict default is the whole app. */
export type ReadLimitScope = "app" | "token";

/** FILE_UPLOAD chunk bounds (§3.4). Defaults satisfy both readings of "MB" (10^6 and 2^20). */
export interface ChunkRules {
  minChunk: number;
  maxChunk: number;
  maxLastChunk: number;
  maxChunks: number;
  maxVideoSize: number;
}

export type PostIdFormat = "int64" | "safe-number" | "string";

export interface EmulatorOptions {
  port: number;
  host: string;
  /** Base URL put into upload_url; null = the origin the init request was addressed to. */
  publicUrl: string | null;
  clientKey: string;
  clientSecret: string;
  /** Registered redirect URIs (exact match). Empty = any absolute static http(s) URI. */
  redirectUris: string[];
  /** Scopes enabled on the app in the developer portal. */
  appScopes: string[];
  authCodeTtlSec: number;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  strictRotation: boolean;
  /** false: a rotated refresh token keeps the chain's original expiry (§1.5, "from first issuance"). */
  refreshExtendsRefreshExpiry: boolean;
  oauthErrorsWithHttp200: boolean;
  processingDelayMs: number;
  moderationDelayMs: number;
  /**
   * Distance to TikTok: every API answer (OAuth, data endpoints, chunk PUTs) is held this long after the request
   * was handled, so a client sees a round trip of this length while the ledger keeps the arrival time.
   */
  apiLatencyMs: number;
  rateLimitWindowMs: number;
  limits: RateLimits;
  readLimitScope: ReadLimitScope;
  dailyPostCap: number;
  pendingShareCap: number;
  /** Distinct posting creators per 24 h for the app; null = no cap. */
  activeUserCap: number | null;
  unaudited: boolean;
  verifiedUrlPrefixes: string[];
  uploadUrlTtlSec: number;
  chunkRules: ChunkRules;
  /** Inbox drafts may be longer than the creator's max (user trims in app), up to this (§6). */
  inboxMaxDurationSec: number;
  postIdFormat: PostIdFormat;
  /** Public posts completed while set never get `publicaly_available_post_id` (nor its webhook), as often on TikTok (§2.1). */
  omitPublicPostId: boolean;
  /** Public videos gain views, likes, comments and shares as the emulator's clock moves (unless set by the control API). */
  metricsGrowth: boolean;
  /** Lifetimes of the signed image URLs: avatars (~2 h) and covers (~6 h, §2.1). */
  avatarUrlTtlSec: number;
  coverUrlTtlSec: number;
  webhookUrl: string | null;
  /** Extra copies of every webhook event (at-least-once delivery). */
  webhookDuplicates: number;
  webhookDelayMs: number;
  /** Buffer events for webhookDelayMs (min 50 ms) and deliver each batch newest-first. */
  webhookReorder: boolean;
  webhookMaxAttempts: number;
  webhookRetryDelayMs: number;
  pullTimeoutMs: number;
  /** Seed for the fault RNG and generated usernames; null = random. */
  seed: number | null;
}

export const DEFAULT_OPTIONS: EmulatorOptions = {
  port: 8788,
  host: "127.0.0.1",
  publicUrl: null,
  clientKey: "local-client-key",
  clientSecret: "local-client-secret",
  redirectUris: [],
  appScopes: [...KNOWN_SCOPES],
  authCodeTtlSec: 600,
  accessTokenTtlSec: 7200,
  refreshTokenTtlSec: 15_552_000,
  strictRotation: true,
  refreshExtendsRefreshExpiry: false,
  oauthErrorsWithHttp200: false,
  processingDelayMs: 2000,
  moderationDelayMs: 1000,
  apiLatencyMs: 0,
  rateLimitWindowMs: 60_000,
  limits: { init: 6, creatorInfo: 20, statusFetch: 30, userInfo: 600, videoList: 600, videoQuery: 600 },
  readLimitScope: "app",
  dailyPostCap: 15,
  pendingShareCap: 5,
  activeUserCap: null,
  unaudited: false,
  verifiedUrlPrefixes: [],
  uploadUrlTtlSec: 3600,
  chunkRules: {
    minChunk: 5 * 1024 * 1024,
    maxChunk: 64_000_000,
    maxLastChunk: 128_000_000,
    maxChunks: 1000,
    maxVideoSize: 4 * 1024 ** 3,
  },
  inboxMaxDurationSec: 600,
  postIdFormat: "int64",
  omitPublicPostId: false,
  metricsGrowth: true,
  avatarUrlTtlSec: 7200,
  coverUrlTtlSec: 21_600,
  webhookUrl: null,
  webhookDuplicates: 0,
  webhookDelayMs: 0,
  webhookReorder: false,
  webhookMaxAttempts: 3,
  webhookRetryDelayMs: 200,
  pullTimeoutMs: 3_600_000,
  seed: null,
};

export type OptionsPatch = Partial<Omit<EmulatorOptions, "limits" | "chunkRules">> & {
  limits?: Partial<RateLimits>;
  chunkRules?: Partial<ChunkRules>;
};

/** Deep-merge: nested objects merge key by key, arrays and scalars replace. */
export function mergeOptions(base: EmulatorOptions, patch: OptionsPatch): EmulatorOptions {
  return {
    ...base,
    ...stripUndefined(patch),
    limits: { ...base.limits, ...stripUndefined(patch.limits ?? {}) },
    chunkRules: { ...base.chunkRules, ...stripUndefined(patch.chunkRules ?? {}) },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const csv = (v: string | undefined) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/** Options from EMULATOR_* environment variables (server.ts). */
export function optionsFromEnv(env: Record<string, string | undefined>): OptionsPatch {
  const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));
  return {
    port: num(env.EMULATOR_PORT),
    clientKey: env.EMULATOR_CLIENT_KEY || undefined,
    clientSecret: env.EMULATOR_CLIENT_SECRET || undefined,
    redirectUris: csv(env.EMULATOR_REDIRECT_URIS),
    webhookUrl: env.EMULATOR_WEBHOOK_URL || undefined,
    verifiedUrlPrefixes: csv(env.EMULATOR_VERIFIED_URL_PREFIXES),
    processingDelayMs: num(env.EMULATOR_PROCESSING_DELAY_MS),
    apiLatencyMs: num(env.EMULATOR_API_LATENCY_MS),
  };
}
