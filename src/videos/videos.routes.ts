// /api/videos: resumable uploads (create → parts → complete → probed in the background), reading one video (with
// its stored parts while uploading) or all of them, thumbnails, deleting, and ranged playback.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { guard } from "../auth/guard";
import type { AppEnv } from "../env";
import { notFound } from "../shared/errors";
import { errorResponses, json, jsonBody, router, throttledResponse } from "../shared/http";
import { throttle } from "../throttle/throttle";
import { serveVideo } from "./video-content";
import { putThumbnail, serveThumbnail } from "./video-thumbnail";
import { videoView } from "./video-view";
import { listVideos } from "./videos.repo";
import {
  DeletedResponse,
  NewVideo,
  PartBytes,
  PartParams,
  PartResponse,
  VideoId,
  VideoListResponse,
  VideoResponse,
} from "./videos.schemas";
import { completeVideo, createVideo, deleteVideo, getVideo, putPart, requireVideo, type VideoDeps } from "./videos.service";

const binary = (description: string) => ({ content: { "application/octet-stream": { schema: PartBytes } }, description });

const createVideoRoute = createRoute({
  tags: ["videos"],
  ...guard("editor"),
  method: "post",
  path: "/videos",
  request: { body: jsonBody(NewVideo) },
  responses: { 201: json(VideoResponse, "Upload started"), ...errorResponses, ...throttledResponse },
});
const putPartRoute = createRoute({
  tags: ["videos"],
  ...guard("editor"),
  method: "put",
  path: "/videos/{id}/parts/{n}",
  request: { params: PartParams, body: binary("Exactly partSize bytes (the last part: the rest)") },
  responses: { 200: json(PartResponse), ...errorResponses },
});
const completeRoute = createRoute({
  tags: ["videos"],
  ...guard("editor"),
  method: "post",
  path: "/videos/{id}/complete",
  request: { params: VideoId },
  responses: { 200: json(VideoResponse, "Uploaded: `processing` until probed (repeating it answers the same video)"), ...errorResponses },
});
const getRoute = createRoute({
  tags: ["videos"],
  ...guard("viewer"),
  method: "get",
  path: "/videos/{id}",
  request: { params: VideoId },
  responses: { 200: json(VideoResponse), ...errorResponses },
});
const listRoute = createRoute({
  tags: ["videos"],
  ...guard("viewer"),
  method: "get",
  path: "/videos",
  responses: { 200: json(VideoListResponse), ...errorResponses },
});
const deleteRoute = createRoute({
  tags: ["videos"],
  ...guard("editor"),
  method: "delete",
  path: "/videos/{id}",
  request: { params: VideoId },
  responses: { 200: json(DeletedResponse, "Deleted (an unfinished upload is aborted)"), ...errorResponses },
});
const putThumbnailRoute = createRoute({
  tags: ["videos"],
  ...guard("editor"),
  method: "put",
  path: "/videos/{id}/thumbnail",
  request: { params: VideoId, body: binary("A JPEG, WebP or PNG image of at most 512 KB") },
  responses: { 200: json(VideoResponse), ...errorResponses },
});
const getThumbnailRoute = createRoute({
  tags: ["videos"],
  ...guard("viewer"),
  method: "get",
  path: "/videos/{id}/thumbnail",
  request: { params: VideoId },
  responses: { 200: { description: "The poster frame" }, ...errorResponses },
});
const contentRoute = createRoute({
  tags: ["videos"],
  ...guard("viewer"),
  method: "get",
  path: "/videos/{id}/content",
  request: { params: VideoId },
  responses: { 200: { description: "The video bytes (Range supported)" }, 206: { description: "Partial content" }, ...errorResponses },
});

const deps = (c: Context<AppEnv>): VideoDeps => ({ db: c.var.db, bucket: c.env.VIDEOS, mediaQueue: c.env.MEDIA_QUEUE });
const lengthOf = (c: Context<AppEnv>) => {
  const header = c.req.header("content-length");
  return header === undefined || !/^\d+$/.test(header) ? null : Number(header);
};

export const videoRoutes = router()
  .openapi(createVideoRoute, async (c) => {
    const { workspaceId, userId } = c.get("session");
    await throttle(c, "video_create", workspaceId);
    const row = await createVideo(deps(c), { workspaceId, userId, ...c.req.valid("json") }, c.var.now);
    return c.json({ video: videoView(row) }, 201);
  })
  .openapi(putPartRoute, async (c) => {
    const { id, n } = c.req.valid("param");
    const where = { workspaceId: c.get("session").workspaceId, videoId: id, partNumber: n };
    const part = await putPart(deps(c), where, c.req.raw.body, lengthOf(c));
    return c.json({ part }, 200);
  })
  .openapi(completeRoute, async (c) => {
    const row = await completeVideo(deps(c), c.get("session").workspaceId, c.req.valid("param").id, c.var.now);
    return c.json({ video: videoView(row) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { video, parts } = await getVideo(c.var.db, c.get("session").workspaceId, c.req.valid("param").id);
    return c.json({ video: videoView(video, parts) }, 200);
  })
  .openapi(listRoute, async (c) => {
    const rows = await listVideos(c.var.db, c.get("session").workspaceId);
    return c.json({ videos: rows.map((row) => videoView(row)) }, 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteVideo(deps(c), c.get("session").workspaceId, c.req.valid("param").id, c.var.now);
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(putThumbnailRoute, async (c) => {
    const where = { workspaceId: c.get("session").workspaceId, videoId: c.req.valid("param").id };
    const row = await putThumbnail(deps(c), where, c.req.raw.body, lengthOf(c), c.var.now);
    return c.json({ video: videoView(row) }, 200);
  })
  .openapi(getThumbnailRoute, async (c) => {
    return serveThumbnail(c.var.db, c.env.VIDEOS, c.get("session").workspaceId, c.req.valid("param").id) as never;
  })
  .openapi(contentRoute, async (c) => {
    const video = await requireVideo(c.var.db, c.get("session").workspaceId, c.req.valid("param").id);
    if (video.status !== "ready") throw notFound("Video");
    return serveVideo(c.env.VIDEOS, video, c.req.raw.headers) as never;
  });
