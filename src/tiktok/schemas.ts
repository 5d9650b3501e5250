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

/**
 * JSON.parse that loses no digit: TikTok sends post and video ids as bare int64 JSON numbers (tiktok-api.md §2.1,
 * §3.7), which JSON.parse rounds past 2^53. Outside strings, every integer literal of 16 or more digits is quoted
 * first, so it arrives as the exact string. No count TikTok reports comes near 10^15. Null when the text is not JSON.
 */
export function parseJson(text: string): unknown {
  let safe = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (ch !== "-" && (ch < "0" || ch > "9")) continue;
    let end = i + 1;
    while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end++;
    if (/^-?\d{16,}$/.test(text.slice(i, end))) {
      safe += `${text.slice(copied, i)}"${text.slice(i, end)}"`;
      copied = end;
    }
    i = end - 1;
  }
  try {
    return JSON.parse(safe + text.slice(copied));
  } catch {
    return null;
  }
}

/** Index of the quote closing the string that opens at `start` (backslash escapes skipped). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}
