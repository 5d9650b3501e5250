// The posts contract: zod schemas for requests and responses (also the OpenAPI description). Pure: the web app
// imports these types too.
import { z } from "@hono/zod-openapi";
import { idString, multiLine, singleLine } from "../shared/text.schemas";
import { PostMetrics } from "../sync/sync.schemas";
import { POST_MODES, POST_STATUSES } from "./post-status";
import { PRIVACY_LEVELS } from "./privacy-levels";
import { zoneProblem } from "./zone-time";

/** Caption limit in UTF-16 code units, TikTok's unit (an emoji counts 2). */
export const MAX_CAPTION_UNITS = 2200;

const timezone = z
  .string()
  .max(64)
  .superRefine((zone, ctx) => {
    const problem = zoneProblem(zone);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const fields = {
  accountId: idString("account id"),
  videoId: idString("video id"),
  // TikTok counts the caption in UTF-16 code units (JS .length), max 2200; zod's max() would count code points.
  caption: multiLine(MAX_CAPTION_UNITS, "Captions").default(""),
  privacyLevel: z.enum(PRIVACY_LEVELS).nullish(),
  scheduledAt: z.iso.datetime({ offset: true, message: "Use an ISO-8601 date-time, e.g. 2026-12-01T18:30:00Z" }),
  timezone,
  mode: z.enum(POST_MODES).default("direct"),
  disableComment: z.boolean().default(false),
  disableDuet: z.boolean().default(false),
  disableStitch: z.boolean().default(false),
  brandContent: z.boolean().default(false),
  brandOrganic: z.boolean().default(false),
  isAigc: z.boolean().default(false),
  // The cover frame (post_info.video_cover_timestamp_ms, an int32 in TikTok's API); omitted = the first frame.
  coverTimestampMs: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .nullish(),
  // How late a post may still go out (e.g. after an outage); past it the post becomes `missed`.
  latePolicyMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(360),
};

export const NewPost = z.object(fields).strict().openapi("NewPost");
export type NewPost = z.infer<typeof NewPost>;

export const PostPatch = z
  .object({
    caption: fields.caption.unwrap(),
    privacyLevel: fields.privacyLevel,
    scheduledAt: fields.scheduledAt,
    timezone: fields.timezone,
    mode: fields.mode.unwrap(),
    videoId: fields.videoId,
    disableComment: z.boolean(),
    disableDuet: z.boolean(),
    disableStitch: z.boolean(),
    brandContent: z.boolean(),
    brandOrganic: z.boolean(),
    isAigc: z.boolean(),
    latePolicyMinutes: fields.latePolicyMinutes.unwrap(),
    coverTimestampMs: fields.coverTimestampMs,
  })
  .partial()
  .strict()
  .openapi("PostPatch");
export type PostPatch = z.infer<typeof PostPatch>;

export const Post = z
  .object({
    id: z.string(),
    accountId: z.string(),
    videoId: z.string(),
    caption: z.string(),
    privacyLevel: z.string().nullable(),
    mode: z.enum(POST_MODES),
    disableComment: z.boolean(),
    disableDuet: z.boolean(),
    disableStitch: z.boolean(),
    brandContent: z.boolean(),
    brandOrganic: z.boolean(),
    isAigc: z.boolean(),
    /** null for a draft (a post without a time yet). */
    scheduledAt: z.string().nullable(),
    timezone: z.string(),
    latePolicyMinutes: z.number(),
    coverTimestampMs: z.number().nullable(),
    status: z.enum(POST_STATUSES),
    publishId: z.string().nullable(),
    tiktokPostId: z.string().nullable(),
    tiktokUrl: z.string().nullable(),
    mediaSource: z.string().nullable(),
    lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
    warning: z.string().nullable(),
    timing: z.object({
      scheduledAt: z.string().nullable(),
      initAt: z.string().nullable(),
      uploadedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      startLatenessMs: z.number().nullable(),
      liveLatenessMs: z.number().nullable(),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    /** The latest TikTok counts of a published public post (account sync); null until its first reading. */
    metrics: PostMetrics.nullable(),
    /** Our own copy of TikTok's cover (/api/posts/{id}/cover), once seen. */
    coverUrl: z.string().nullable(),
  })
  .openapi("Post");

export const PostEventSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    type: z.string(),
    message: z.string(),
    logId: z.string().nullable(),
    data: z.unknown(),
  })
  .openapi("PostEvent");

export const PostId = z.object({ id: idString("post id") });

export const RejectBody = z
  .object({ reason: singleLine(500, "The reason").optional() })
  .strict()
  .openapi("RejectPost");

/** `Idempotency-Key` on POST /api/posts: a retry with the same key gives back the same post. */
export const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7E]{1,255}$/, "Use 1 to 255 printable ASCII characters")
    .optional()
    .openapi({ description: "A unique key per intended post; the same key with the same body returns the same post" }),
});

const statusList = z
  .string()
  .refine(
    (v) => v.split(",").every((s) => (POST_STATUSES as readonly string[]).includes(s)),
    `Use statuses from: ${POST_STATUSES.join(", ")}`,
  );
/** GET /posts filters (all optional, combined with AND). */
export const PostListQuery = z.object({
  /** Comma-separated statuses, e.g. "scheduled,queued". */
  status: statusList.optional(),
  account: z.string().min(1).optional(),
  /** Scheduled at or after this time (drafts, which have no time, never match a range). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Scheduled before this time. */
  to: z.iso.datetime({ offset: true }).optional(),
  /** Words in the caption (case-insensitive). */
  q: z.string().trim().max(200).optional(),
  /** By time: "asc" soonest first, "desc" (default) latest first; drafts by last edit. */
  order: z.enum(["asc", "desc"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type PostListQuery = z.infer<typeof PostListQuery>;

export const PostResponse = z.object({ post: Post });
export const PostWithWarnings = z.object({ post: Post, warnings: z.array(z.string()) });
export const PostListResponse = z.object({ posts: z.array(Post) });
export const PostDetailResponse = z.object({ post: Post, events: z.array(PostEventSchema) });
