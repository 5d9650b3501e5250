// The videos contract (uploads, listing, playback, TikTok's signed media links): zod schemas for requests and
// responses (also the OpenAPI description). Pure: the web app imports these types too.
import { z } from "@hono/zod-openapi";
import { idString, singleLine } from "../shared/text.schemas";
import { MAX_VIDEO_BYTES, VIDEO_STATUSES, VIDEO_TYPES } from "./video-rules";

export const Video = z
  .object({
    id: z.string(),
    filename: z.string(),
    size: z.number(),
    contentType: z.string(),
    status: z.enum(VIDEO_STATUSES),
    partSize: z.number(),
    partCount: z.number(),
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
/** A part's raw bytes (the body of PUT /videos/{id}/parts/{n}). */
export const PartBytes = z.any().openapi({ type: "string", format: "binary" });
export const UploadedPart = z.object({ partNumber: z.number(), etag: z.string(), size: z.number() });

/** The signature on a /media/{id} link handed to TikTok (PULL_FROM_URL). */
export const MediaQuery = z.object({ exp: z.string().max(20), sig: z.string().max(128) });

export const VideoResponse = z.object({ video: Video });
export const VideoListResponse = z.object({ videos: z.array(Video) });
export const PartResponse = z.object({ part: UploadedPart });
