// Fields other features add to the API as they land (issue 11: metrics, profile, stats, sync; issue 12: thumbnails,
// probe, processing status). The screens read them through these accessors, so each shows up the day its API
// answers it — and nothing is shown (no placeholder numbers) until then.
import type { Account, Post, Video } from "../api.ts";

export type Metrics = { views: number; likes: number; comments: number; shares: number; syncedAt: string | null };
export type AccountStats = { followers: number; following: number; likes: number; videos: number; syncedAt: string | null };
export type AccountProfile = { bioDescription: string | null; isVerified: boolean; profileDeepLink: string | null };
export type AccountSync = { lastAt: string | null; nextAt: string | null; status: string; error: string | null };
export type VideoProblem = { code: string; message: string };

const field = (value: object, name: string): unknown => (value as Record<string, unknown>)[name];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function postMetrics(post: Post): Metrics | null {
  const m = field(post, "metrics");
  if (!isObject(m) || !isNumber(m.views)) return null;
  const n = (v: unknown) => (isNumber(v) ? v : 0);
  return {
    views: m.views,
    likes: n(m.likes),
    comments: n(m.comments),
    shares: n(m.shares),
    syncedAt: typeof m.syncedAt === "string" ? m.syncedAt : null,
  };
}

/** The post's thumbnail (its video's, or its own cover) when the API gives one. */
export function postThumbnail(post: Post): string | null {
  const own = field(post, "thumbnailUrl");
  if (typeof own === "string") return own;
  const video = field(post, "video");
  return isObject(video) && typeof video.thumbnailUrl === "string" ? video.thumbnailUrl : null;
}

export function videoThumbnail(video: Video): string | null {
  const url = field(video, "thumbnailUrl");
  return typeof url === "string" ? url : null;
}

export function videoProblems(video: Video): VideoProblem[] {
  const problems = field(video, "problems");
  return Array.isArray(problems) ? problems.filter((p): p is VideoProblem => isObject(p) && typeof p.message === "string") : [];
}

export function accountStats(account: Account): AccountStats | null {
  const s = field(account, "stats");
  if (!isObject(s) || !isNumber(s.followers)) return null;
  const n = (v: unknown) => (isNumber(v) ? v : 0);
  return {
    followers: s.followers,
    following: n(s.following),
    likes: n(s.likes),
    videos: n(s.videos),
    syncedAt: typeof s.syncedAt === "string" ? s.syncedAt : null,
  };
}

export function accountProfile(account: Account): AccountProfile | null {
  const p = field(account, "profile");
  if (!isObject(p)) return null;
  return {
    bioDescription: typeof p.bioDescription === "string" ? p.bioDescription : null,
    isVerified: p.isVerified === true,
    profileDeepLink: typeof p.profileDeepLink === "string" ? p.profileDeepLink : null,
  };
}

export function accountSync(account: Account): AccountSync | null {
  const s = field(account, "sync");
  if (!isObject(s) || typeof s.status !== "string") return null;
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return { lastAt: str(s.lastAt), nextAt: str(s.nextAt), status: s.status, error: str(s.error) };
}
