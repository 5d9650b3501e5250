// What an uploaded video may be (type, size), the statuses it goes through, and TikTok's media rules
// (video-processing.md, tiktok-api.md §6). Pure data, shared by the Worker, the API contract and the web app.

export const VIDEO_STATUSES = ["uploading", "processing", "ready", "rejected"] as const;
export type VideoStatus = (typeof VIDEO_STATUSES)[number];

export const VIDEO_TYPES = ["video/mp4", "video/quicktime", "video/webm"] as const;
export type VideoType = (typeof VIDEO_TYPES)[number];

export const MAX_VIDEO_BYTES = 4 * 1024 ** 3;

/** TikTok's Media Transfer Guide: containers, codecs, frame rate, each side's pixels, the API's longest video. */
export const TIKTOK_MEDIA = {
  containers: ["mp4", "mov", "webm"],
  videoCodecs: ["h264", "h265", "vp8", "vp9"],
  minFps: 23,
  maxFps: 60,
  minSidePx: 360,
  maxSidePx: 4096,
  maxDurationSec: 600,
  maxBytes: MAX_VIDEO_BYTES,
} as const;

/** Above this a video still goes out, but TikTok re-encodes it anyway and the upload takes long: a warning. */
export const HIGH_BITRATE_BPS = 50_000_000;

export const PROBLEM_CODES = [
  "unsupported_container",
  "unsupported_codec",
  "frame_rate_out_of_range",
  "resolution_out_of_range",
  "too_long",
  "too_large",
  "unreadable",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const WARNING_CODES = ["not_vertical", "no_audio", "high_bitrate"] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Poster frames the browser uploads: checked by their bytes, at most this big. */
export const THUMBNAIL_TYPES = ["image/jpeg", "image/webp", "image/png"] as const;
export type ThumbnailType = (typeof THUMBNAIL_TYPES)[number];
export const MAX_THUMBNAIL_BYTES = 512 * 1024;
