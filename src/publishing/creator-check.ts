// Re-validates a post's choices against fresh creator info right before it goes out (audit rule: the
// consent given at scheduling time is re-checked at send time, tiktok-api.md §8).

import type { CreatorInfo, PostInfo } from "../tiktok/client";
import { explain } from "../tiktok/errors";
import type { PostSnapshot } from "./messages";

export type CreatorCheck = { ok: true; postInfo: PostInfo; notes: string[] } | { ok: false; code: string; message: string };

/** The choices a person made for the post (a snapshot of the post, or its row). */
export type PostChoices = Omit<PostSnapshot, "video">;

export function checkAgainstCreator(post: PostChoices, info: CreatorInfo): CreatorCheck {
  if (post.mode === "direct" && (!post.privacyLevel || !info.privacy_level_options.includes(post.privacyLevel))) {
    return { ok: false, code: "privacy_level_option_mismatch", message: explain("privacy_level_option_mismatch") };
  }
  const notes: string[] = [];
  const off = (wanted: boolean, disabledByCreator: boolean, name: string) => {
    if (!wanted && disabledByCreator) notes.push(`${name} is turned off in the creator's TikTok settings, so it stays off`);
    return wanted || disabledByCreator;
  };
  const postInfo: PostInfo = {
    title: post.caption,
    privacy_level: post.privacyLevel ?? "SELF_ONLY",
    disable_comment: off(post.disableComment, info.comment_disabled, "Comments"),
    disable_duet: off(post.disableDuet, info.duet_disabled, "Duets"),
    disable_stitch: off(post.disableStitch, info.stitch_disabled, "Stitches"),
    brand_content_toggle: post.brandContent,
    brand_organic_toggle: post.brandOrganic,
    is_aigc: post.isAigc,
  };
  return { ok: true, postInfo, notes };
}
