// /api/videos: resumable uploads (create → parts → complete), listing, and ranged playback.
import { createRoute, z } from "@hono/zod-openapi";
import { requireSession } from "../auth/session";
import { notFound } from "../shared/errors";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { findVideo, listVideos, videoView } from "./videos.repo";
import { MAX_VIDEO_BYTES, VIDEO_STATUSES, VIDEO_TYPES } from "./video-rules";
import { completeVideo, createVideo, putPart } from "./videos.service";
import { serveVideo } from "./video-content";

const Video = z
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

const NewVideo = z
  .object({
    filename: z.string().trim().min(1).max(255),
    size: z.number().int().positive().max(MAX_VIDEO_BYTES, "Videos can be at most 4 GB"),
    contentType: z.enum(VIDEO_TYPES, { message: "Upload an MP4, MOV or WebM video" }),
  })
  .openapi("NewVideo");

const VideoId = z.object({ id: z.string() });

const createVideoRoute = createRoute({
  method: "post",
  path: "/videos",
  tags: ["videos"],
  middleware: [requireSession] as const,
  request: { body: jsonBody(NewVideo) },
  responses: { 201: json(z.object({ video: Video }), "Upload started"), ...errorResponses },
});

const putPartRoute = createRoute({
  method: "put",
  path: "/videos/{id}/parts/{n}",
  tags: ["videos"],
  middleware: [requireSession] as const,
  request: {
    params: z.object({ id: z.string(), n: z.coerce.number().int().min(1).max(10_000) }),
    body: { content: { "application/octet-stream": { schema: z.any().openapi({ type: "string", format: "binary" }) } } },
  },
  responses: {
    200: json(z.object({ part: z.object({ partNumber: z.number(), etag: z.string(), size: z.number() }) })),
    ...errorResponses,
  },
});

const completeRoute = createRoute({
  method: "post",
  path: "/videos/{id}/complete",
  tags: ["videos"],
  middleware: [requireSession] as const,
  request: { params: VideoId },
  responses: {
    200: json(z.object({ video: Video })),
    422: { description: "The file is not an MP4, MOV or WebM video", content: errorResponses[400].content },
    ...errorResponses,
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/videos",
  tags: ["videos"],
  middleware: [requireSession] as const,
  responses: { 200: json(z.object({ videos: z.array(Video) })), ...errorResponses },
});

const contentRoute = createRoute({
  method: "get",
  path: "/videos/{id}/content",
  tags: ["videos"],
  middleware: [requireSession] as const,
  request: { params: VideoId },
  responses: { 200: { description: "The video bytes (Range supported)" }, 206: { description: "Partial content" }, ...errorResponses },
});

export const videoRoutes = router()
  .openapi(createVideoRoute, async (c) => {
    const { workspaceId, userId } = c.get("session");
    const row = await createVideo(c.var.db, c.env.VIDEOS, { workspaceId, userId, ...c.req.valid("json") }, c.var.now);
    return c.json({ video: videoView(row) }, 201);
  })
  .openapi(putPartRoute, async (c) => {
    const { id, n } = c.req.valid("param");
    const length = c.req.header("content-length");
    const part = await putPart(
      c.var.db,
      c.env.VIDEOS,
      { workspaceId: c.get("session").workspaceId, videoId: id, partNumber: n },
      c.req.raw.body,
      length === undefined ? null : Number(length),
    );
    return c.json({ part }, 200);
  })
  .openapi(completeRoute, async (c) => {
    const { workspaceId } = c.get("session");
    const row = await completeVideo(c.var.db, c.env.VIDEOS, workspaceId, c.req.valid("param").id, c.var.now);
    return c.json({ video: videoView(row) }, 200);
  })
  .openapi(listRoute, async (c) => {
    const rows = await listVideos(c.var.db, c.get("session").workspaceId);
    return c.json({ videos: rows.map(videoView) }, 200);
  })
  .openapi(contentRoute, async (c) => {
    const video = await findVideo(c.var.db, c.get("session").workspaceId, c.req.valid("param").id);
    if (!video || video.status !== "ready") throw notFound("Video");
    return serveVideo(c.env.VIDEOS, video, c.req.raw.headers) as never;
  });
