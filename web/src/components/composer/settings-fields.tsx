// Direct-post settings (tiktok-api.md §8.2): privacy with no default, interaction switches off by default and
// disabled when the account's TikTok settings turn them off.
import type { CreatorInfo, Issue, PrivacyLevel } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import type { ComposerForm } from "../../lib/composer-rules.ts";
import { PrivacyOptions } from "../privacy-options.tsx";
import { Switch } from "../ui.tsx";
import { FieldIssues } from "./field-issues.tsx";

interface Props {
  form: ComposerForm;
  creator: CreatorInfo | null;
  issues: Issue[];
  onChange: (patch: Partial<ComposerForm>) => void;
}

export function SettingsFields({ form, creator, issues, onChange }: Props) {
  const options = creator?.privacyLevelOptions ?? [];
  const branded = form.disclose && form.brandedContent;
  return (
    <fieldset class="field-group">
      <legend>{t("composer.settings")}</legend>
      <label class="field">
        <span>{t("composer.whoCanView")}</span>
        <select
          value={form.privacyLevel}
          required
          data-testid="privacy-level"
          disabled={!creator}
          // The <option>s are the creator's levels; one the API does not know is refused there (400).
          onChange={(e) => onChange({ privacyLevel: e.currentTarget.value as PrivacyLevel })}
        >
          <option value="" disabled>
            {t("composer.selectWhoCanView")}
          </option>
          <PrivacyOptions options={options} branded={branded} />
        </select>
        <FieldIssues issues={issues} field="privacyLevel" />
      </label>
      <div class="switch-list">
        <Interaction
          label={t("tiktok.allowComment")}
          testId="allow-comment"
          checked={form.allowComment}
          disabled={!creator || creator.commentDisabled}
          onChange={(allowComment) => onChange({ allowComment })}
        />
        <Interaction
          label={t("tiktok.allowDuet")}
          testId="allow-duet"
          checked={form.allowDuet}
          disabled={!creator || creator.duetDisabled}
          onChange={(allowDuet) => onChange({ allowDuet })}
        />
        <Interaction
          label={t("tiktok.allowStitch")}
          testId="allow-stitch"
          checked={form.allowStitch}
          disabled={!creator || creator.stitchDisabled}
          onChange={(allowStitch) => onChange({ allowStitch })}
        />
      </div>
      {creator && (creator.commentDisabled || creator.duetDisabled || creator.stitchDisabled) && (
        <small class="muted">{t("composer.greyedOut")}</small>
      )}
    </fieldset>
  );
}

function Interaction(props: { label: string; testId: string; checked: boolean; disabled: boolean; onChange: (checked: boolean) => void }) {
  return (
    <Switch
      label={props.label}
      checked={props.checked && !props.disabled}
      disabled={props.disabled}
      testId={props.testId}
      onChange={props.onChange}
    />
  );
}
