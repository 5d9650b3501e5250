// Which video of the creator's list is our post, when TikTok published it without naming its id (tiktok-api.md §2.1:
// integrators match create_time near the publish time plus the caption). Pure.
import type { Video } from "../tiktok/display-schemas";

/** TikTok's title and description hold at most 150 characters of the caption. */
const CAPTION_CHARS = 150;
/** TikTok creates the post after our init and before (or shortly after) we see PUBLISH_COMPLETE. */
const BEFORE_INIT_MS = 60_000;
const AFTER_COMPLETE_MS = 15 * 60_000;

export type PostToMatch = { caption: string; initAt: number | null; completedAt: number | null; scheduledAt: number };

const normalize = (text: string) => [...text.normalize("NFC").replace(/\s+/g, " ").trim()].slice(0, CAPTION_CHARS).join("");

function sameCaption(caption: string, video: Video) {
  return [video.title, video.video_description].some((t) => t !== undefined && normalize(t) === caption);
}

/**
 * The video created between our init (less a minute) and 15 minutes after we saw it complete whose title or
 * description is the caption; with an empty caption, only when exactly one video falls in that time. Closest to the
 * completion wins. Null when nothing matches: the post keeps no id rather than a wrong one.
 */
export function matchVideo(post: PostToMatch, videos: Video[]): Video | null {
  const from = (post.initAt ?? post.scheduledAt) - BEFORE_INIT_MS;
  const to = (post.completedAt ?? post.initAt ?? post.scheduledAt) + AFTER_COMPLETE_MS;
  // create_time is whole seconds: a post created in our init's second counts.
  const inTime = videos.filter((v) => v.create_time !== undefined && v.create_time * 1000 + 999 >= from && v.create_time * 1000 <= to);
  const caption = normalize(post.caption);
  const candidates = caption === "" ? (inTime.length === 1 ? inTime : []) : inTime.filter((v) => sameCaption(caption, v));
  const target = post.completedAt ?? to;
  return candidates.sort((a, b) => Math.abs(a.create_time! * 1000 - target) - Math.abs(b.create_time! * 1000 - target))[0] ?? null;
}
