// zod contracts for the Content Posting request bodies (tiktok-api.md §3.2, §3.3, §3.7, §3.8).
import { z } from "zod";

const int64 = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const fileUploadSource = z.object({
  source: z.literal("FILE_UPLOAD"),
  video_size: int64,
  chunk_size: int64,
  total_chunk_count: int64,
});

export const pullSource = z.object({
  source: z.literal("PULL_FROM_URL"),
  video_url: z.string().min(1),
});

export const sourceInfo = z.discriminatedUnion("source", [fileUploadSource, pullSource]);
export type SourceInfo = z.infer<typeof sourceInfo>;

export const postInfo = z.object({
  // Missing privacy_level is reported as privacy_level_option_mismatch (403), not a 400 (§4).
  privacy_level: z.string().optional(),
  // JS .length counts UTF-16 code units, TikTok's unit for the 2200 cap (zod's max() may count otherwise).
  title: z
    .string()
    .refine((t) => t.length <= 2200, "title exceeds 2200 UTF-16 code units")
    .optional(),
  disable_comment: z.boolean().optional(),
  disable_duet: z.boolean().optional(),
  disable_stitch: z.boolean().optional(),
  video_cover_timestamp_ms: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 31 - 1)
    .optional(),
  brand_content_toggle: z.boolean({ error: "brand_content_toggle is required" }),
  brand_organic_toggle: z.boolean().optional(),
  is_aigc: z.boolean().optional(),
});
export type PostInfo = z.infer<typeof postInfo>;

export const directInitBody = z.object({ post_info: postInfo, source_info: sourceInfo });
/** Inbox init takes source_info only; a post_info is accepted and ignored (§3.3). */
export const inboxInitBody = z.object({ post_info: z.unknown().optional(), source_info: sourceInfo });
export const publishIdBody = z.object({ publish_id: z.string().min(1).max(64) });

export function describeZodError(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}
