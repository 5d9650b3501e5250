// Zod schemas for TikTok's responses (validated once, at the edge) and the two parsing quirks they need.
import { z } from "zod";

export const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  open_id: z.string().min(1),
  refresh_token: z.string().min(1),
  refresh_expires_in: z.number().int().positive(),
  scope: z.string(),
});

export const Envelope = z.object({
  data: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string().optional().default(""), log_id: z.string().optional() }),
});

export const CreatorInfoData = z.object({
  creator_avatar_url: z.string().optional().default(""),
  creator_username: z.string().optional().default(""),
  creator_nickname: z.string().optional().default(""),
  privacy_level_options: z.array(z.string()).default([]),
  comment_disabled: z.boolean().default(false),
  duet_disabled: z.boolean().default(false),
  stitch_disabled: z.boolean().default(false),
  max_video_post_duration_sec: z.number().int().default(600),
});
export type CreatorInfo = z.infer<typeof CreatorInfoData>;

export const InitData = z.object({ publish_id: z.string().min(1).max(64), upload_url: z.string().url().optional() });

export const StatusData = z.object({
  status: z.enum(["PROCESSING_UPLOAD", "PROCESSING_DOWNLOAD", "SEND_TO_USER_INBOX", "PUBLISH_COMPLETE", "FAILED"]),
  fail_reason: z.string().optional(),
  // TikTok's own spelling; int64 ids, kept as strings.
  publicaly_available_post_id: z
    .array(z.union([z.string(), z.number()]))
    .optional()
    .default([]),
  uploaded_bytes: z.number().optional(),
  downloaded_bytes: z.number().optional(),
});
export type PublishStatus = {
  status: z.infer<typeof StatusData>["status"];
  failReason: string | null;
  postIds: string[];
  uploadedBytes: number | null;
};

export const UserInfoData = z.object({
  user: z.object({
    open_id: z.string(),
    display_name: z.string().optional().default(""),
    avatar_url: z.string().optional(),
    username: z.string().optional(),
  }),
});

// Progress TikTok reports on chunk responses: "bytes 0-{last}/{total}", or "bytes */{total}" before any byte.
export function uploadedBytes(contentRange: string | null): number | null {
  if (!contentRange) return null;
  if (/^bytes \*\/\d+$/.test(contentRange.trim())) return 0;
  const match = /bytes \d+-(\d+)\/\d+/.exec(contentRange);
  return match ? Number(match[1]) + 1 : null;
}

/** TikTok sends post ids as bare int64 JSON numbers; quote them before JSON.parse so no digit is lost. */
export function parseJson(text: string): unknown {
  const safe = text.replace(
    /("publicaly_available_post_id"\s*:\s*\[)([^\]]*)\]/g,
    (_, open: string, ids: string) => `${open}${ids.replace(/(^|,)\s*(\d+)\s*/g, '$1"$2"')}]`,
  );
  try {
    return JSON.parse(safe);
  } catch {
    return null;
  }
}
