// May this video go out in this post? Only a `ready` video (refused with its problems otherwise), no longer than
// the account may post (Direct Post), with a cover frame inside the video. Reads the stored probe: one source of truth.
import { AppError } from "../shared/errors";
import { storedProbe, storedProblems } from "../videos/video-view";
import type { VideoWithUse } from "../videos/videos.repo";

export type VideoChoice = { videoId: string; mode: "direct" | "inbox"; coverTimestampMs?: number | null };

/** TikTok's floor for max_video_post_duration_sec: "all creators get ≥ 3 min" (tiktok-api.md §6). */
export const EVERY_CREATOR_MAY_POST_SEC = 180;

const NOT_READY = {
  uploading: "The video has not finished uploading.",
  processing: "The video is still being checked; try again in a few seconds.",
} as const;

export async function checkVideoForPost(video: VideoWithUse | null, choice: VideoChoice, maxDurationSec: () => Promise<number | null>) {
  if (!video) throw new AppError(404, "video_not_found", "Video not found");
  if (video.status === "rejected") {
    const problems = storedProblems(video);
    throw new AppError(409, "video_not_ready", `This video cannot be posted: ${problems.map((p) => p.message).join(" ")}`, { problems });
  }
  if (video.status !== "ready") throw new AppError(409, "video_not_ready", NOT_READY[video.status], { problems: [] });
  const probe = storedProbe(video);
  if (!probe) return; // made ready before probing existed: its probe is on its way (video-cleanup.ts)
  if (choice.coverTimestampMs != null && choice.coverTimestampMs > probe.durationMs) {
    throw new AppError(400, "cover_out_of_range", `The cover must be a moment of the video (0 to ${probe.durationMs} ms)`, {
      path: "coverTimestampMs",
    });
  }
  // Every creator may post at least 3 minutes (tiktok-api.md §6): only a longer video needs the account's own limit,
  // which costs a creator_info call to TikTok (20/min per account, shared with the composer and the publisher).
  if (choice.mode !== "direct" || probe.durationMs <= EVERY_CREATOR_MAY_POST_SEC * 1000) return;
  const max = await maxDurationSec();
  if (max !== null && probe.durationMs > max * 1000) {
    throw new AppError(
      409,
      "video_too_long_for_account",
      `The video lasts ${Math.round(probe.durationMs / 1000)} s; this account may post videos up to ${max} s. Trim it or choose another account.`,
      { maxVideoPostDurationSec: max, durationMs: probe.durationMs },
    );
  }
}
