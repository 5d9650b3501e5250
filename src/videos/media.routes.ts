// GET /api/media/:id?exp&sig — the video bytes for TikTok's PULL_FROM_URL: signed, short-lived,
// Range supported, never a redirect (TikTok fails any 3xx).
import { createRoute } from "@hono/zod-openapi";
import { AppError } from "../shared/errors";
import { errorResponses, router } from "../shared/http";
import { verifyMediaSignature } from "./media-url";
import { serveVideo } from "./video-content";
import { findVideoById } from "./videos.repo";
import { MediaQuery, VideoId } from "./videos.schemas";

const mediaRoute = createRoute({
  method: "get",
  path: "/media/{id}",
  tags: ["media"],
  request: { params: VideoId, query: MediaQuery },
  responses: {
    200: { description: "Video bytes" },
    206: { description: "Partial content" },
    403: errorResponses[401],
    404: errorResponses[404],
  },
});

export const mediaRoutes = router().openapi(mediaRoute, async (c) => {
  const { id } = c.req.valid("param");
  const { exp, sig } = c.req.valid("query");
  if (!(await verifyMediaSignature(c.env, id, exp, sig, c.var.now))) {
    throw new AppError(403, "invalid_media_signature", "This media link is invalid or has expired");
  }
  const video = await findVideoById(c.var.db, id);
  if (video?.status !== "ready") throw new AppError(404, "not_found", "Video not found");
  return serveVideo(c.env.VIDEOS, video, c.req.raw.headers) as never;
});
