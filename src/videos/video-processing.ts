// Probing one completed upload: read its facts from R2 by range reads, judge them against TikTok's rules, store
// probe and verdict. Idempotent: a video that already has its verdict (or was deleted) is left as it is.
import type { Database } from "../db/client";
import { r2ByteSource } from "./r2-byte-source";
import { type ProbeStats, probeVideo } from "./video-probe";
import { verdictFor } from "./video-verdict";
import { findVideoById, saveVerdict } from "./videos.repo";

export type ProcessResult = { videoId: string; outcome: "ready" | "rejected" | "skipped"; stats: ProbeStats };

export async function processVideo(db: Database, bucket: R2Bucket, videoId: string, now: number): Promise<ProcessResult> {
  const stats: ProbeStats = { reads: 0, bytesRead: 0 };
  const video = await findVideoById(db, videoId);
  const awaiting = video?.status === "processing" || (video?.status === "ready" && video.probedAt === null);
  if (!video || video.deletedAt !== null || !awaiting) return { videoId, outcome: "skipped", stats };
  const object = await bucket.head(video.r2Key);
  const probe = object
    ? await probeVideo(r2ByteSource(bucket, video.r2Key, object.size), stats)
    : ({ code: "unreadable", message: "The uploaded file is missing from storage. Upload it again." } as const);
  const { problems, warnings } = verdictFor(probe, video.size);
  const status = problems.length > 0 ? "rejected" : "ready";
  const saved = await saveVerdict(
    db,
    video.id,
    {
      status,
      probe: "code" in probe ? null : JSON.stringify(probe),
      problems: JSON.stringify(problems),
      warnings: JSON.stringify(warnings),
    },
    now,
  );
  console.log("video probed", JSON.stringify({ videoId, status, saved, ...stats }));
  return { videoId, outcome: saved ? status : "skipped", stats };
}
