// TikTok's read endpoints for the account sync: user info with every field the granted scopes allow (§2), and the
// Display API's video/list and video/query (§2.1, scope video.list). Same envelope and errors as the posting client.
import { type Logged, TikTokClient } from "./client";
import { type UserProfile, UserProfileData, type VideoPage, VideoPageData } from "./display-schemas";

export type { UserProfile, VideoPage };

/** Fields per scope (tiktok-api.md §2); asking for one whose scope was not granted is refused (scope_permission_missed). */
export const PROFILE_FIELDS = {
  "user.info.basic": ["open_id", "avatar_url", "avatar_large_url", "display_name"],
  "user.info.profile": ["username", "bio_description", "profile_deep_link", "is_verified"],
  "user.info.stats": ["follower_count", "following_count", "likes_count", "video_count"],
} as const;

const VIDEO_FIELDS = "id,create_time,title,video_description,cover_image_url,view_count,like_count,comment_count,share_count";
/** video/list and video/query take at most 20 (§2.1). */
export const MAX_VIDEOS_PER_CALL = 20;

export class DisplayClient extends TikTokClient {
  /** The profile fields of every granted scope among user.info.basic/profile/stats. */
  async userProfile(accessToken: string, scopes: readonly string[]): Promise<Logged<UserProfile>> {
    const fields = Object.entries(PROFILE_FIELDS).flatMap(([scope, names]) => (scopes.includes(scope) ? names : []));
    const { data, logId } = await this.call("GET", `v2/user/info/?fields=${fields.join(",")}`, accessToken);
    return { ...UserProfileData.parse(data).user, logId };
  }

  /** The creator's public videos posted before `cursor` (ms; none = from the newest), newest first. */
  async listVideos(accessToken: string, cursor: number | null): Promise<Logged<VideoPage>> {
    const body = cursor === null ? { max_count: MAX_VIDEOS_PER_CALL } : { cursor, max_count: MAX_VIDEOS_PER_CALL };
    const { data, logId } = await this.call("POST", `v2/video/list/?fields=${VIDEO_FIELDS}`, accessToken, body);
    return { ...VideoPageData.parse(data), logId };
  }

  /** Up to 20 of the creator's own videos by id (ids go out as the strings we stored, never as numbers). */
  async queryVideos(accessToken: string, ids: string[]): Promise<Logged<VideoPage>> {
    const body = { filters: { video_ids: ids.slice(0, MAX_VIDEOS_PER_CALL) } };
    const { data, logId } = await this.call("POST", `v2/video/query/?fields=${VIDEO_FIELDS}`, accessToken, body);
    return { ...VideoPageData.parse(data), logId };
  }
}

export function displayClient(env: Env): DisplayClient {
  return new DisplayClient({ apiBase: env.TIKTOK_API_BASE, clientKey: env.TIKTOK_CLIENT_KEY, clientSecret: env.TIKTOK_CLIENT_SECRET });
}
