// The longest video an account may Direct Post (creator info's max_video_post_duration_sec). The one place that
// reads it: today from the account's Durable Object (fresh creator info, paced there); stored creator info can
// replace this function alone.

/** Seconds, or null while TikTok cannot say (not answering, or the creator cannot post right now). */
export async function maxPostDurationSec(env: Pick<Env, "ACCOUNT_PUBLISHER">, accountId: string): Promise<number | null> {
  const info = await env.ACCOUNT_PUBLISHER.getByName(accountId).creatorInfo(accountId);
  return info.canPost ? info.maxVideoPostDurationSec : null;
}
