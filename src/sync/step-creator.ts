// creator: creator info (privacy options, interaction flags, max duration) with the daily sync, through the
// publisher's own path (its 20/min pacer and its cache), stored on the account. "Cannot post now" is stored too.
import { explain, TikTokError } from "../tiktok/errors";
import { saveCreatorInfo } from "./sync.repo";
import { syncFailure } from "./sync-calls";
import type { SyncStep } from "./sync-context";

export const creatorStep: SyncStep = async (ctx, run) => {
  if (!run.profile) return { next: "reconcile" };
  const now = ctx.clock.now();
  const slot = ctx.pacer.nextSlot("creator_info", now);
  if (slot > now) return { wait: slot };
  try {
    const { logId: _logId, ...info } = await ctx.creatorInfo(await ctx.tokens.accessToken(now), now, { fresh: true });
    await saveCreatorInfo(ctx.db, ctx.accountId, { ...info, can_post: true }, now);
  } catch (error) {
    // A creator who cannot post right now is a fact worth storing; TikTok not answering is not.
    if (!(error instanceof TikTokError) || error.action !== "user") return syncFailure(ctx, null, error);
    await saveCreatorInfo(ctx.db, ctx.accountId, { can_post: false, code: error.code, reason: explain(error.code, error.message) }, now);
  }
  return { next: "reconcile" };
};
