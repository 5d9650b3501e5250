// What the post checks read: the account, the video, the account's direct posts within a day of a time (TikTok's
// rolling cap), and the longest video it may post. Straight from D1 and the account's Durable Object for one post;
// preloaded once for a whole CSV file, so a 500-row import costs a handful of queries instead of thousands (D1
// allows 1,000 per invocation) and at most one creator_info call per account (TikTok allows 20 a minute).
import { type AccountRow, findAccount } from "../accounts/accounts.repo";
import { maxPostDurationSec } from "../accounts/max-post-duration";
import { findVideo, type VideoWithUse } from "../videos/videos.repo";
import type { PostsDeps } from "./post-handover";
import { directPostTimesAround, directPostTimesBetween } from "./posts.repo";

const DAY_MS = 24 * 3600 * 1000;

export type PostReads = {
  account: (workspaceId: string, accountId: string) => Promise<AccountRow | null>;
  video: (workspaceId: string, videoId: string) => Promise<VideoWithUse | null>;
  /** Times of the account's direct posts that count toward the cap, within a day either side of `at`. */
  directTimesAround: (accountId: string, at: number, excludePostId?: string) => Promise<number[]>;
  maxDurationSec: (accountId: string) => Promise<number | null>;
};

export function liveReads(deps: PostsDeps): PostReads {
  return {
    account: (ws, id) => findAccount(deps.db, ws, id),
    video: (ws, id) => findVideo(deps.db, ws, id),
    directTimesAround: (accountId, at, exclude) => directPostTimesAround(deps.db, accountId, at, exclude),
    maxDurationSec: (accountId) => maxPostDurationSec({ ACCOUNT_PUBLISHER: deps.publishers }, accountId),
  };
}

/** Reads for many posts of one workspace: accounts and videos as listed, each account's posts loaded once. */
export function preloadedReads(deps: PostsDeps, accounts: AccountRow[], videos: VideoWithUse[], times: number[]): PostReads {
  const from = Math.min(...times) - DAY_MS;
  const to = Math.max(...times) + DAY_MS;
  const postsOf = new Map<string, Promise<{ id: string; at: number }[]>>();
  const maxOf = new Map<string, Promise<number | null>>();
  const live = liveReads(deps);
  return {
    account: async (_ws, id) => accounts.find((a) => a.id === id) ?? null,
    video: async (_ws, id) => videos.find((v) => v.id === id) ?? null,
    async directTimesAround(accountId, at, exclude) {
      if (at - DAY_MS < from || at + DAY_MS > to) return live.directTimesAround(accountId, at, exclude);
      if (!postsOf.has(accountId)) postsOf.set(accountId, directPostTimesBetween(deps.db, accountId, from, to));
      const near = (await postsOf.get(accountId)!).filter((p) => p.at > at - DAY_MS && p.at < at + DAY_MS && p.id !== exclude);
      return near.map((p) => p.at);
    },
    maxDurationSec(accountId) {
      if (!maxOf.has(accountId)) maxOf.set(accountId, live.maxDurationSec(accountId));
      return maxOf.get(accountId)!;
    },
  };
}
