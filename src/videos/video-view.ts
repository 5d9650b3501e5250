// The API's view of a video: its probe and verdict (stored JSON, validated when read back), thumbnail link, parts.
import { z } from "@hono/zod-openapi";
import { iso } from "../shared/http";
import type { VideoWithUse } from "./videos.repo";
import { VideoProbe, VideoProblem, VideoWarning } from "./videos.schemas";

const Problems = z.array(VideoProblem);
const Warnings = z.array(VideoWarning);

export function storedProbe(row: Pick<VideoWithUse, "probe">): VideoProbe | null {
  return row.probe ? VideoProbe.parse(JSON.parse(row.probe)) : null;
}

export function storedProblems(row: Pick<VideoWithUse, "problems">) {
  return Problems.parse(JSON.parse(row.problems));
}

export function videoView(row: VideoWithUse, parts: number[] = []) {
  return {
    id: row.id,
    filename: row.filename,
    size: row.size,
    contentType: row.contentType,
    status: row.status,
    probe: storedProbe(row),
    problems: storedProblems(row),
    warnings: Warnings.parse(JSON.parse(row.warnings)),
    thumbnailUrl: row.thumbnailKey ? `/api/videos/${row.id}/thumbnail` : null,
    parts: row.status === "uploading" ? parts : [],
    partSize: row.partSize,
    partCount: row.partCount,
    postCount: row.postCount,
    createdAt: iso(row.createdAt)!,
  };
}
