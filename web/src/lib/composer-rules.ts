// What the composer's form holds, and the rules (tiktok-api.md §8) that decide whether "Schedule post" is allowed.
import type { CreatorInfo, PostInput, PostMode, PrivacyLevel } from "../api.ts";
import type { VideoUploadState } from "./use-video-upload.ts";

export const CAPTION_MAX = 2200;
export const DISCLOSURE_NOTHING_TICKED = "You need to indicate if your content promotes yourself, a third party, or both.";
export const BRANDED_NOT_PRIVATE = "Branded content visibility cannot be set to private.";

export interface ComposerForm {
  accountId: string;
  caption: string;
  mode: PostMode;
  /** "" until the user picks one: TikTok requires no default selection (§8.2b). */
  privacyLevel: PrivacyLevel | "";
  allowComment: boolean;
  allowDuet: boolean;
  allowStitch: boolean;
  /** Commercial content disclosure toggle and its two boxes (§8.3), all off by default. */
  disclose: boolean;
  yourBrand: boolean;
  brandedContent: boolean;
  date: string;
  time: string;
  timeZone: string;
}

/** Reasons the post can't be scheduled yet, in the order the form reads; empty means ready. */
export function composerBlockers(
  form: ComposerForm,
  creator: CreatorInfo | null,
  video: VideoUploadState,
  scheduledAtMs: number | null,
): string[] {
  const reasons: string[] = [];
  if (!form.accountId) reasons.push("Choose a TikTok account.");
  else if (!creator) reasons.push("Waiting for the account's current TikTok settings.");
  else if (!creator.canPost) reasons.push(creator.cannotPostReason ?? "This account can't post right now. Try again later.");
  if (video.phase === "empty") reasons.push("Choose a video.");
  else if (video.phase === "uploading") reasons.push("Wait for the video to finish uploading.");
  else if (video.phase === "failed") reasons.push("The video upload failed; retry it.");
  else if (video.phase === "cancelled") reasons.push("The upload was cancelled; upload the video again.");
  else if (video.phase === "processing") reasons.push("Wait for the video check to finish.");
  else if (video.phase === "rejected") reasons.push("TikTok would refuse this video; choose another (see why above).");
  if (creator && video.durationSec !== null && video.durationSec > creator.maxVideoPostDurationSec) {
    reasons.push(`The video is longer than ${creator.maxVideoPostDurationSec} s.`);
  }
  if (form.caption.length > CAPTION_MAX) reasons.push(`The caption is over ${CAPTION_MAX} characters.`);
  if (form.mode === "direct") {
    if (!form.privacyLevel) reasons.push("Select who can view this post.");
    if (form.disclose && !form.yourBrand && !form.brandedContent) reasons.push(DISCLOSURE_NOTHING_TICKED);
    if (form.disclose && form.brandedContent && form.privacyLevel === "SELF_ONLY") reasons.push(BRANDED_NOT_PRIVATE);
  }
  if (scheduledAtMs === null) reasons.push("Enter a valid date and time.");
  return reasons;
}

/** The API body. Inbox drafts take no post settings (§9.8), so those go out neutral. */
export function toPostInput(form: ComposerForm, creator: CreatorInfo, videoId: string, scheduledAtMs: number): PostInput {
  const direct = form.mode === "direct";
  return {
    accountId: form.accountId,
    videoId,
    caption: form.caption,
    privacyLevel: direct ? form.privacyLevel || null : null,
    scheduledAt: new Date(scheduledAtMs).toISOString(),
    timezone: form.timeZone,
    mode: form.mode,
    // A box greyed out by creator_info is never ticked, so "allow" is false and the API's disable flag true.
    disableComment: !(direct && form.allowComment && !creator.commentDisabled),
    disableDuet: !(direct && form.allowDuet && !creator.duetDisabled),
    disableStitch: !(direct && form.allowStitch && !creator.stitchDisabled),
    brandContent: direct && form.disclose && form.brandedContent,
    brandOrganic: direct && form.disclose && form.yourBrand,
  };
}
