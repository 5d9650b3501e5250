// Zod schemas for TikTok's user info (every field, tiktok-api.md §2) and Display API answers (§2.1). Ids arrive as
// strings, whether TikTok sent a string or a bare int64 (parseJson quotes those before parsing).
import { z } from "zod";

const count = z.number().int().nonnegative();
/** A post/video id: digits only, kept as a string end to end. */
export const PostIdString = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,20}$/));

export const UserProfileData = z.object({
  user: z.object({
    open_id: z.string(),
    display_name: z.string().optional(),
    avatar_url: z.string().optional(),
    avatar_large_url: z.string().optional(),
    username: z.string().optional(),
    bio_description: z.string().optional(),
    profile_deep_link: z.string().optional(),
    is_verified: z.boolean().optional(),
    follower_count: count.optional(),
    following_count: count.optional(),
    likes_count: count.optional(),
    video_count: count.optional(),
  }),
});
export type UserProfile = z.infer<typeof UserProfileData>["user"];

export const VideoData = z.object({
  id: PostIdString,
  create_time: z.number().int().optional(),
  title: z.string().optional(),
  video_description: z.string().optional(),
  cover_image_url: z.string().optional(),
  view_count: count.optional(),
  like_count: count.optional(),
  comment_count: count.optional(),
  share_count: count.optional(),
});
export type Video = z.infer<typeof VideoData>;

export const VideoPageData = z.object({
  videos: z.array(VideoData).default([]),
  cursor: z.union([z.number(), z.string()]).transform(Number).optional(),
  has_more: z.boolean().default(false),
});
export type VideoPage = z.infer<typeof VideoPageData>;
