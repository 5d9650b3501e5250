// The videos contract (uploads, probing verdicts, thumbnails, listing, playback, TikTok's signed media links): zod
// schemas for requests and responses (also the OpenAPI description). Pure: the web app imports these types too.
import { z } from "@hono/zod-openapi";
import { idString, singleLine } from "../shared/text.schemas";
import { MAX_VIDEO_BYTES, PROBLEM_CODES, VIDEO_STATUSES, VIDEO_TYPES, WARNING_CODES } from "./video-rules";

/** What the probe read from the file; width and height as a viewer sees them (rotation applied). */
export const VideoProbe = z
  .object({
    container: z.string().openapi({ example: "mp4" }),
    durationMs: z.number().int().nonnegative(),
    width: z.number().int().nonnegative(),
    height: z.number().int().nonnegative(),
    rotation: z.number().int().openapi({ description: "Clockwise degrees: 0, 90, 180 or 270" }),
    fps: z.number().nonnegative(),
    videoCodec: z.string().openapi({ example: "h264" }),
    audioCodec: z.string().nullable().openapi({ example: "aac" }),
    bitrate: z.number().int().nonnegative().openapi({ description: "Bits per second over the whole file" }),
  })
  .openapi("VideoProbe");
export type VideoProbe = z.infer<typeof VideoProbe>;

export const VideoProblem = z.object({ code: z.enum(PROBLEM_CODES), message: z.string() }).openapi("VideoProblem");
export type VideoProblem = z.infer<typeof VideoProblem>;
export const VideoWarning = z.object({ code: z.enum(WARNING_CODES), message: z.string() }).openapi("VideoWarning");
export type VideoWarning = z.infer<typeof VideoWarning>;

export const Video = z
  .object({
    id: z.string(),
    filename: z.string(),
    size: z.number(),
    contentType: z.string(),
    status: z.enum(VIDEO_STATUSES),
    probe: VideoProbe.nullable(),
    problems: z.array(VideoProblem),
    warnings: z.array(VideoWarning),
    thumbnailUrl: z.string().nullable(),
    /** Part numbers the server holds while uploading (a resumed upload sends only the others); [] afterwards. */
    parts: z.array(z.number()),
    partSize: z.number(),
    partCount: z.number(),
    /** How many posts (any status) use this video. */
    postCount: z.number(),
    createdAt: z.string(),
  })
  .openapi("Video");

export const NewVideo = z
  .object({
    filename: singleLine(255, "The file name"),
    size: z.number().int().positive().max(MAX_VIDEO_BYTES, "Videos can be at most 4 GB"),
    contentType: z.enum(VIDEO_TYPES, { message: "Upload an MP4, MOV or WebM video" }),
  })
  .strict()
  .openapi("NewVideo");

export const VideoId = z.object({ id: idString("video id") });
export const PartParams = z.object({ id: idString("video id"), n: z.coerce.number().int().min(1).max(10_000) });
/** Raw bytes (the body of PUT /videos/{id}/parts/{n} and of PUT /videos/{id}/thumbnail). */
export const PartBytes = z.any().openapi({ type: "string", format: "binary" });
export const UploadedPart = z.object({ partNumber: z.number(), etag: z.string(), size: z.number() });

/** The signature on a /media/{id} link handed to TikTok (PULL_FROM_URL). */
export const MediaQuery = z.object({ exp: z.string().max(20), sig: z.string().max(128) });

export const VideoResponse = z.object({ video: Video });
export const VideoListResponse = z.object({ videos: z.array(Video) });
export const PartResponse = z.object({ part: UploadedPart });
export const DeletedResponse = z.object({ deleted: z.literal(true) });

/** Message on the media queue (postflare-media): probe this video. Messages outlive deploys: validated on receipt. */
export const MediaMessage = z.object({ kind: z.literal("probe"), videoId: z.string().min(1) });
export type MediaMessage = z.infer<typeof MediaMessage>;
