// The posts contract: zod schemas for requests and responses (also the OpenAPI description). Pure: the web app
// imports these types too.
import { z } from "@hono/zod-openapi";
import { POST_MODES, POST_STATUSES } from "./post-status";
import { PRIVACY_LEVELS } from "./privacy-levels";

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const fields = {
  accountId: z.string().min(1),
  videoId: z.string().min(1),
  // TikTok counts the caption in UTF-16 code units (JS .length), max 2200.
  caption: z.string().max(2200, "Captions can be at most 2200 characters").default(""),
  privacyLevel: z.enum(PRIVACY_LEVELS).nullish(),
  scheduledAt: z.iso.datetime({ offset: true, message: "Use an ISO-8601 date-time, e.g. 2026-12-01T18:30:00Z" }),
  timezone: z.string().refine(isTimeZone, "Use an IANA time zone such as Europe/Paris"),
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

export const NewPost = z.object(fields).openapi("NewPost");
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
    scheduledAt: z.string(),
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
      scheduledAt: z.string(),
      initAt: z.string().nullable(),
      uploadedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      startLatenessMs: z.number().nullable(),
      liveLatenessMs: z.number().nullable(),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
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

export const PostId = z.object({ id: z.string() });

export const PostResponse = z.object({ post: Post });
export const PostWithWarnings = z.object({ post: Post, warnings: z.array(z.string()) });
export const PostListResponse = z.object({ posts: z.array(Post) });
export const PostDetailResponse = z.object({ post: Post, events: z.array(PostEventSchema) });
