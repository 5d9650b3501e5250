// Pre-flight, ~10 minutes before a post is due: can it still go out as scheduled? Problems become a
// warning on the post (and an event) while there is time to fix them; nothing is sent to TikTok.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { posts } from "../db/schema";
import { recordEvent } from "../posts/post-events";
import { DAILY_POST_CAP } from "../posts/posts.service";
import { explain, TikTokError } from "../tiktok/errors";
import { mp4DurationSec } from "../videos/mp4-duration";
import { checkAgainstCreator } from "./creator-check";
import { loadPost } from "./post-updates";
import type { PublishContext } from "./publish-context";
import { ReconnectRequired } from "./token-manager";

/** TikTok's cap on inbox drafts waiting for the creator in any 24 h (tiktok-api.md §3.3). */
export const PENDING_INBOX_CAP = 5;
const DAY_MS = 24 * 3600 * 1000;

export async function preflightProblems(ctx: PublishContext, postId: string, now: number): Promise<string[] | null> {
  const loaded = await loadPost(ctx.db, postId);
  if (!loaded || !["scheduled", "queued"].includes(loaded.post.status)) return null;
  const { post, video } = loaded;
  const problems: string[] = [];
  let maxDurationSec: number | null = null;
  try {
    const info = await ctx.creatorInfo(await ctx.tokens.accessToken(now), now);
    maxDurationSec = info.max_video_post_duration_sec;
    const check = checkAgainstCreator(post, info);
    if (!check.ok) problems.push(check.message);
  } catch (error) {
    if (error instanceof ReconnectRequired) problems.push(error.message);
    else if (error instanceof TikTokError && (error.action === "user" || error.action === "reconnect")) problems.push(explain(error.code, error.message));
    else throw error;
  }
  if (!(await ctx.env.VIDEOS.head(video.r2Key))) problems.push("The video file is missing from storage. Upload it again.");
  else if (maxDurationSec !== null && post.mode === "direct") {
    const duration = await mp4DurationSec(ctx.env.VIDEOS, video.r2Key, video.size);
    if (duration !== null && duration > maxDurationSec) {
      problems.push(`The video lasts ${Math.round(duration)} s but this account may post at most ${maxDurationSec} s.`);
    }
  }
  problems.push(...(await capProblems(ctx, post.accountId, post.mode, post.scheduledAt)));
  return problems;
}

async function capProblems(ctx: PublishContext, accountId: string, mode: string, scheduledAt: number) {
  const [row] = await ctx.db
    .select({
      direct: sql<number>`sum(CASE WHEN ${posts.mode} = 'direct' AND ${posts.status} IN ('published', 'publishing', 'scheduled', 'queued') THEN 1 ELSE 0 END)`,
      inbox: sql<number>`sum(CASE WHEN ${posts.status} = 'sent_to_inbox' THEN 1 ELSE 0 END)`,
    })
    .from(posts)
    .where(and(eq(posts.accountId, accountId), gt(posts.scheduledAt, scheduledAt - DAY_MS), sql`${posts.scheduledAt} < ${scheduledAt}`, inArray(posts.status, ["published", "publishing", "scheduled", "queued", "sent_to_inbox"])));
  const problems: string[] = [];
  if (mode === "direct" && (row?.direct ?? 0) >= DAILY_POST_CAP) {
    problems.push(`This account already has ${row!.direct} posts in the 24 hours before this one; TikTok's daily limit (${DAILY_POST_CAP}) may refuse it.`);
  }
  if (mode === "inbox" && (row?.inbox ?? 0) >= PENDING_INBOX_CAP) {
    problems.push(`${row!.inbox} drafts are already waiting in the creator's TikTok inbox; TikTok refuses more than ${PENDING_INBOX_CAP}. Post or delete them in the app.`);
  }
  return problems;
}

export async function recordPreflight(ctx: PublishContext, postId: string, problems: string[], now: number) {
  const warning = problems.length > 0 ? problems.join(" ") : null;
  await ctx.db
    .update(posts)
    .set({ warning, updatedAt: now })
    .where(and(eq(posts.id, postId), inArray(posts.status, ["scheduled", "queued"])));
  await recordEvent(ctx.db, {
    postId,
    at: now,
    type: warning ? "preflight_warning" : "preflight_ok",
    message: warning ? `Pre-flight check found a problem: ${warning}` : "Pre-flight check passed: the account can post this as scheduled",
  });
}
