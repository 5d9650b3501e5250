// /api/videos: resumable uploads (create → parts → complete), listing, and ranged playback.
import { createRoute } from "@hono/zod-openapi";
import { guard } from "../auth/guard";
import { notFound } from "../shared/errors";
import { errorResponses, json, jsonBody, router, throttledResponse } from "../shared/http";
import { throttle } from "../throttle/throttle";
import { serveVideo } from "./video-content";
import { findVideo, listVideos, videoView } from "./videos.repo";
import { NewVideo, PartBytes, PartParams, PartResponse, VideoId, VideoListResponse, VideoResponse } from "./videos.schemas";
import { completeVideo, createVideo, putPart } from "./videos.service";

const createVideoRoute = createRoute({
  method: "post",
  path: "/videos",
  tags: ["videos"],
  ...guard("editor"),
  request: { body: jsonBody(NewVideo) },
  responses: { 201: json(VideoResponse, "Upload started"), ...errorResponses, ...throttledResponse },
});

const putPartRoute = createRoute({
  method: "put",
  path: "/videos/{id}/parts/{n}",
  tags: ["videos"],
  ...guard("editor"),
  request: {
    params: PartParams,
    body: { content: { "application/octet-stream": { schema: PartBytes } } },
  },
  responses: { 200: json(PartResponse), ...errorResponses },
});

const completeRoute = createRoute({
  method: "post",
  path: "/videos/{id}/complete",
  tags: ["videos"],
  ...guard("editor"),
  request: { params: VideoId },
  responses: {
    200: json(VideoResponse),
    422: { description: "The file is not an MP4, MOV or WebM video", content: errorResponses[400].content },
    ...errorResponses,
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/videos",
  tags: ["videos"],
  ...guard("viewer"),
  responses: { 200: json(VideoListResponse), ...errorResponses },
});

const contentRoute = createRoute({
  method: "get",
  path: "/videos/{id}/content",
  tags: ["videos"],
  ...guard("viewer"),
  request: { params: VideoId },
  responses: { 200: { description: "The video bytes (Range supported)" }, 206: { description: "Partial content" }, ...errorResponses },
});

export const videoRoutes = router()
  .openapi(createVideoRoute, async (c) => {
    const { workspaceId, userId } = c.get("session");
    await throttle(c, "video_create", workspaceId);
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
    if (video?.status !== "ready") throw notFound("Video");
    return serveVideo(c.env.VIDEOS, video, c.req.raw.headers) as never;
  });
