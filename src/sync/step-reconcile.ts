// reconcile: published posts TikTok never named (`publicaly_available_post_id` empty) are found in the creator's
// video list by create time near the publish time and the caption (reconcile-match.ts), newest page first, going back
// no further than the oldest post looked for. Only when a reading of such a post is due, and with scope video.list.
import { findAccountById } from "../accounts/accounts.repo";
import { recordReconciledPostId } from "../posts/post-id-reconcile";
import { assignedIds, reconcileCandidates } from "./post-stats.repo";
import { matchVideo } from "./reconcile-match";
import { budgetedRead } from "./sync-calls";
import { type SyncStep, scopesOf } from "./sync-context";

/** Pages of 20 read per run at most (the creator's 200 newest videos). */
export const MAX_LIST_PAGES = 10;
const done = { next: "metrics", set: { cursor: null, pages: 0 } } as const;

export const reconcileStep: SyncStep = async (ctx, run) => {
  const account = await findAccountById(ctx.db, ctx.accountId);
  if (!account || !scopesOf(account).includes("video.list") || run.pages >= MAX_LIST_PAGES) return done;
  const now = ctx.clock.now();
  const candidates = await reconcileCandidates(ctx.db, ctx.accountId, now, run.full === 1);
  if (candidates.length === 0) return done;
  const read = await budgetedRead(ctx, "video_list", (token) => ctx.client.listVideos(token, run.cursor));
  if (!read.ok) return read.result;
  const page = read.value;
  const taken = await assignedIds(
    ctx.db,
    ctx.accountId,
    page.videos.map((v) => v.id),
  );
  let found = 0;
  for (const post of candidates) {
    const video = matchVideo(
      post,
      page.videos.filter((v) => !taken.has(v.id)),
    );
    if (!video) continue;
    if (await recordReconciledPostId(ctx.db, post.id, video.id, "create time and caption", now)) found++;
    taken.add(video.id);
  }
  const oldestWanted = Math.min(...candidates.map((c) => c.initAt ?? c.scheduledAt)) - 3_600_000;
  const oldestSeen = Math.min(...page.videos.map((v) => (v.create_time ?? 0) * 1000));
  const more = page.has_more && found < candidates.length && oldestSeen > oldestWanted;
  return more ? { next: "reconcile", set: { cursor: page.cursor ?? oldestSeen, pages: run.pages + 1 } } : done;
};
