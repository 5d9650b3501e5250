// "Who can view" for a post being retried or fixed: the account's privacy levels as TikTok offers them right now
// (creator_info, fetched fresh), nothing preselected (tiktok-api.md §8.2b). "" keeps the post's level when it is
// still offered; when it no longer is (the account switched public/private), a new choice is required.
import type { Post, PrivacyLevel } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { privacyLabel } from "../../lib/format.ts";
import type { CreatorInfoState } from "../../lib/use-creator-info.ts";
import { PrivacyOptions } from "../privacy-options.tsx";

/** TikTok refused the post's level: it is not offered whatever a (possibly cached) creator_info still lists. */
function refusedByTikTok(post: Post): boolean {
  return post.status === "failed" && post.lastError?.code === "privacy_level_option_mismatch";
}

/** True when the post's level is no longer offered, so the user must pick another one. */
export function privacyChoiceRequired(post: Post, creator: CreatorInfoState): boolean {
  if (post.mode !== "direct") return false;
  if (refusedByTikTok(post)) return true;
  return creator.info !== null && !creator.info.privacyLevelOptions.includes(post.privacyLevel ?? "");
}

interface Props {
  post: Post;
  creator: CreatorInfoState;
  value: PrivacyLevel | "";
  onChange: (level: PrivacyLevel | "") => void;
}

export function PrivacyChoice({ post, creator, value, onChange }: Props) {
  const required = privacyChoiceRequired(post, creator);
  const refused = refusedByTikTok(post);
  const options = (creator.info?.privacyLevelOptions ?? []).filter((level) => !refused || level !== post.privacyLevel);
  return (
    <label class="field privacy-choice">
      <span>{t("composer.whoCanView")}</span>
      <select
        value={value}
        disabled={!creator.info}
        required={required}
        data-testid="post-privacy-level"
        // The <option>s are the creator's levels; one the API does not know is refused there (400).
        onChange={(e) => onChange(e.currentTarget.value as PrivacyLevel)}
      >
        <option value="" disabled={required}>
          {creator.loading
            ? t("privacy.loadingOptions")
            : required
              ? t("composer.selectWhoCanView")
              : t("privacy.keep", { level: privacyLabel(post.privacyLevel) })}
        </option>
        <PrivacyOptions options={options} branded={post.brandContent} />
      </select>
      {required && <small class="text-warning">{t("privacy.noLongerOffered", { level: privacyLabel(post.privacyLevel) })}</small>}
      {creator.error !== null && (
        <small class="field-error">
          {t("privacy.loadFailed")}{" "}
          <button type="button" class="link-button" onClick={creator.reload}>
            {t("common.retry")}
          </button>
        </small>
      )}
    </label>
  );
}
