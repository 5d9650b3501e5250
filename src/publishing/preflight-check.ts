// Pre-flight, ~10 minutes before a post is due: can it still go out as scheduled? Problems become a
// warning on the post (and an event) while there is time to fix them; nothing is sent to TikTok.

import { countsInDayBefore, loadPostWithVideo } from "../posts/posts.repo";
import { DAILY_POST_CAP } from "../posts/posts.service";
import { explain, TikTokError } from "../tiktok/errors";
import { storedProbe } from "../videos/video-view";
import { checkAgainstCreator } from "./creator-check";
import type { PublishContext } from "./publish-context";
import { ReconnectRequired } from "./token-manager";

/** TikTok's cap on inbox drafts waiting for the creator in any 24 h (tiktok-api.md §3.3). */
export const PENDING_INBOX_CAP = 5;

export async function preflightProblems(ctx: PublishContext, postId: string, now: number): Promise<string[] | null> {
  const loaded = await loadPostWithVideo(ctx.db, postId);
  // A post turned back into a draft meanwhile has no time: nothing to check.
  const scheduledAt = loaded?.post.scheduledAt;
  if (!loaded || scheduledAt == null || !["scheduled", "queued"].includes(loaded.post.status)) return null;
  const { post, video } = loaded;
  const problems: string[] = [];
  let maxDurationSec: number | null = null;
  try {
    // Fresh (paced by the Durable Object): the limit may have changed since the post was scheduled.
    const info = await ctx.creatorInfo(await ctx.tokens.accessToken(now), now, { fresh: true });
    maxDurationSec = info.max_video_post_duration_sec;
    const check = checkAgainstCreator(post, info);
    if (!check.ok) problems.push(check.message);
  } catch (error) {
    if (error instanceof ReconnectRequired) problems.push(error.message);
    else if (error instanceof TikTokError && (error.action === "user" || error.action === "reconnect"))
      problems.push(explain(error.code, error.message));
    else throw error;
  }
  if (!(await ctx.env.VIDEOS.head(video.r2Key))) problems.push("The video file is missing from storage. Upload it again.");
  // The duration is the one the probe stored when the video was uploaded (videos/video-processing.ts).
  const durationSec = (storedProbe(video)?.durationMs ?? 0) / 1000;
  if (maxDurationSec !== null && post.mode === "direct" && durationSec > maxDurationSec) {
    problems.push(`The video lasts ${Math.round(durationSec)} s but this account may post at most ${maxDurationSec} s.`);
  }
  problems.push(...(await capProblems(ctx, post.accountId, post.mode, scheduledAt)));
  return problems;
}

async function capProblems(ctx: PublishContext, accountId: string, mode: string, scheduledAt: number) {
  const counts = await countsInDayBefore(ctx.db, accountId, scheduledAt);
  const problems: string[] = [];
  if (mode === "direct" && counts.direct >= DAILY_POST_CAP) {
    problems.push(
      `This account already has ${counts.direct} posts in the 24 hours before this one; TikTok's daily limit (${DAILY_POST_CAP}) may refuse it.`,
    );
  }
  if (mode === "inbox" && counts.inbox >= PENDING_INBOX_CAP) {
    problems.push(
      `${counts.inbox} drafts are already waiting in the creator's TikTok inbox; TikTok refuses more than ${PENDING_INBOX_CAP}. Post or delete them in the app.`,
    );
  }
  return problems;
}
