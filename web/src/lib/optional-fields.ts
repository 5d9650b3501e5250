// What other features add to posts, videos and accounts, read in one place so the screens stay the same as they
// land, as typed fields: a post's counts and TikTok cover, an account's profile, stats and sync (issue 11), a video's
// thumbnail and problems (issue 12).
import type { Account, AccountStats, AccountSync, Post, PostMetrics, Video } from "../api.ts";

export type Metrics = PostMetrics;
export type { AccountStats, AccountSync };
export type AccountProfile = Account["profile"];
export type VideoProblem = { code: string; message: string };

const field = (value: object, name: string): unknown => (value as Record<string, unknown>)[name];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The latest TikTok counts of a published public post; null until its first reading. */
export const postMetrics = (post: Post): Metrics | null => post.metrics;

/** The post's picture: its TikTok cover once seen (issue 11), else its video's thumbnail when the API gives one. */
export function postThumbnail(post: Post): string | null {
  if (post.coverUrl) return post.coverUrl;
  const video = field(post, "video");
  return isObject(video) && typeof video.thumbnailUrl === "string" ? video.thumbnailUrl : null;
}

export const videoThumbnail = (video: Video): string | null => video.thumbnailUrl;

export const videoProblems = (video: Video): VideoProblem[] => video.problems;

/** Followers, likes, videos: null until the account's first sync. */
export const accountStats = (account: Account): AccountStats | null => account.stats;
export const accountProfile = (account: Account): AccountProfile => account.profile;
export const accountSync = (account: Account): AccountSync => account.sync;
