// What the composer's form holds, and the rules (tiktok-api.md §8) that decide whether "Schedule post" is allowed.
import { PAST_TOLERANCE_MS } from "../../../src/posts/post-limits.ts";
import type { CreatorInfo, PostInput, PostMode, PrivacyLevel } from "../api.ts";
import { t } from "../i18n/index.ts";
import type { VideoUploadState } from "./use-video-upload.ts";

export const CAPTION_MAX = 2200;
// TikTok's audit texts (§8.3), word for word, from the catalogue.
export const DISCLOSURE_NOTHING_TICKED = t("tiktok.disclosureNothingTicked");
export const BRANDED_NOT_PRIVATE = t("tiktok.brandedNotPrivate");

/** "time": at the date and time given; "queue": in the account's next free queue slot. */
export type WhenChoice = "time" | "queue";

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
  when: WhenChoice;
  date: string;
  time: string;
  timeZone: string;
  /** The cover frame in ms from the start; null = TikTok's default (the first frame). */
  coverMs: number | null;
}

/** The same rule as the API's: a time more than a few seconds past is refused, so it is refused here first. */
export const isPast = (ms: number, now = Date.now()) => ms < now - PAST_TOLERANCE_MS;

/** Why a draft can't be saved yet (an account and an uploaded video are all a draft needs). */
export function draftBlockers(form: ComposerForm, videoReady: boolean): string[] {
  const reasons: string[] = [];
  if (!form.accountId) reasons.push(t("composer.block.account"));
  if (!videoReady) reasons.push(t("composer.block.videoForDraft"));
  if (form.caption.length > CAPTION_MAX) reasons.push(t("composer.block.caption", { max: CAPTION_MAX }));
  return reasons;
}

/** Reasons the post can't be scheduled yet, in the order the form reads; empty means ready. */
export function composerBlockers(
  form: ComposerForm,
  creator: CreatorInfo | null,
  video: Pick<VideoUploadState, "phase" | "durationSec">,
  scheduledAtMs: number | null,
): string[] {
  const reasons: string[] = [];
  if (!form.accountId) reasons.push(t("composer.block.account"));
  else if (!creator) reasons.push(t("composer.block.creator"));
  else if (!creator.canPost) reasons.push(creator.cannotPostReason ?? t("composer.block.cannotPost"));
  if (video.phase === "empty") reasons.push(t("composer.block.video"));
  else if (video.phase === "uploading") reasons.push(t("composer.block.uploading"));
  else if (video.phase === "failed") reasons.push(t("composer.block.uploadFailed"));
  else if (video.phase === "cancelled") reasons.push(t("composer.block.cancelled"));
  else if (video.phase === "processing") reasons.push(t("composer.block.processing"));
  else if (video.phase === "rejected") reasons.push(t("composer.block.rejected"));
  if (creator && video.durationSec !== null && video.durationSec > creator.maxVideoPostDurationSec) {
    reasons.push(t("composer.block.tooLong", { max: creator.maxVideoPostDurationSec }));
  }
  if (form.caption.length > CAPTION_MAX) reasons.push(t("composer.block.caption", { max: CAPTION_MAX }));
  if (form.mode === "direct") {
    if (!form.privacyLevel) reasons.push(t("composer.block.privacy"));
    if (form.disclose && !form.yourBrand && !form.brandedContent) reasons.push(DISCLOSURE_NOTHING_TICKED);
    if (form.disclose && form.brandedContent && form.privacyLevel === "SELF_ONLY") reasons.push(BRANDED_NOT_PRIVATE);
  }
  if (form.when === "time") {
    if (scheduledAtMs === null) reasons.push(t("composer.block.time"));
    else if (isPast(scheduledAtMs)) reasons.push(t("composer.block.past"));
  }
  return reasons;
}

/** The post's settings as the API takes them. Inbox drafts take no post settings (§9.8), so those go out neutral. */
export function postSettings(form: ComposerForm, creator: CreatorInfo | null) {
  const direct = form.mode === "direct";
  return {
    accountId: form.accountId,
    caption: form.caption,
    privacyLevel: direct ? form.privacyLevel || null : null,
    mode: form.mode,
    // A box greyed out by creator_info is never ticked, so "allow" is false and the API's disable flag true.
    disableComment: !(direct && form.allowComment && !creator?.commentDisabled),
    disableDuet: !(direct && form.allowDuet && !creator?.duetDisabled),
    disableStitch: !(direct && form.allowStitch && !creator?.stitchDisabled),
    brandContent: direct && form.disclose && form.brandedContent,
    brandOrganic: direct && form.disclose && form.yourBrand,
    coverTimestampMs: form.coverMs,
  };
}

export function toPostInput(form: ComposerForm, creator: CreatorInfo, videoId: string, scheduledAtMs: number): PostInput {
  return { ...postSettings(form, creator), videoId, scheduledAt: new Date(scheduledAtMs).toISOString(), timezone: form.timeZone };
}
