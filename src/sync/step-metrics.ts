// metrics: the tracked posts whose reading is due (every one on "Sync now"), 20 per video/query, each answer kept as
// a point with the next reading scheduled; a cover is copied into R2 the first time it is seen (its URL expires).
import { findAccountById } from "../accounts/accounts.repo";
import { MAX_VIDEOS_PER_CALL } from "../tiktok/display-client";
import type { Video } from "../tiktok/display-schemas";
import { copyImage } from "./image-copy";
import { type DueReading, dueReadings, type ReadingOutcome, saveReadings } from "./post-stats.repo";
import { budgetedRead } from "./sync-calls";
import { type SyncContext, type SyncStep, scopesOf } from "./sync-context";
import { nextReading } from "./sync-schedule";

export const metricsStep: SyncStep = async (ctx, run) => {
  const account = await findAccountById(ctx.db, ctx.accountId);
  const now = ctx.clock.now();
  const due = await dueReadings(ctx.db, ctx.accountId, now, run.full === 1, run.after_post, MAX_VIDEOS_PER_CALL);
  if (due.length === 0) return { next: "done" };
  const ids = due.flatMap((d) => (d.tiktokPostId ? [d.tiktokPostId] : []));
  const videos = new Map<string, Video>();
  // Without video.list (connected before it was asked for) nothing can be read: the readings pass as misses.
  if (ids.length > 0 && account && scopesOf(account).includes("video.list")) {
    const read = await budgetedRead(ctx, "video_query", (token) => ctx.client.queryVideos(token, ids));
    if (!read.ok) return read.result;
    for (const video of read.value.videos) videos.set(video.id, video);
  }
  const outcomes = await Promise.all(due.map((d) => outcome(ctx, d, d.tiktokPostId ? videos.get(d.tiktokPostId) : undefined, now)));
  await saveReadings(ctx.db, outcomes, now);
  return due.length < MAX_VIDEOS_PER_CALL ? { next: "done" } : { next: "metrics", set: { after_post: due.at(-1)!.postId } };
};

async function outcome(ctx: SyncContext, due: DueReading, video: Video | undefined, now: number): Promise<ReadingOutcome> {
  const next = nextReading(due.publishedAt, now, ctx.config);
  if (!video) return { postId: due.postId, counts: null, next };
  const counts = {
    views: video.view_count ?? 0,
    likes: video.like_count ?? 0,
    comments: video.comment_count ?? 0,
    shares: video.share_count ?? 0,
  };
  let coverKey: string | undefined;
  if (!due.coverKey && video.cover_image_url) {
    // Under the workspace's prefix: deleting a workspace removes every object it owns in one sweep.
    const key = `${due.workspaceId}/images/covers/${due.postId}`;
    if (await copyImage(ctx.images, video.cover_image_url, key)) coverKey = key;
  }
  return { postId: due.postId, counts, next, coverKey };
}
