// Direct-post settings (tiktok-api.md §8.2): privacy with no default, interaction boxes unchecked and greyed when disabled.
import type { CreatorInfo, Issue, PrivacyLevel } from "../../api.ts";
import type { ComposerForm } from "../../lib/composer-rules.ts";
import { PrivacyOptions } from "../privacy-options.tsx";
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
      <legend>Who can view and interact</legend>
      <label class="field">
        <span>Who can view this video</span>
        <select
          value={form.privacyLevel}
          required
          data-testid="privacy-level"
          disabled={!creator}
          // The <option>s are the creator's levels; one the API does not know is refused there (400).
          onChange={(e) => onChange({ privacyLevel: e.currentTarget.value as PrivacyLevel })}
        >
          <option value="" disabled>
            Select who can view
          </option>
          <PrivacyOptions options={options} branded={branded} />
        </select>
        <FieldIssues issues={issues} field="privacyLevel" />
      </label>
      <div class="check-inline">
        <Interaction
          label="Allow Comment"
          testId="allow-comment"
          checked={form.allowComment}
          disabled={!creator || creator.commentDisabled}
          onChange={(allowComment) => onChange({ allowComment })}
        />
        <Interaction
          label="Allow Duet"
          testId="allow-duet"
          checked={form.allowDuet}
          disabled={!creator || creator.duetDisabled}
          onChange={(allowDuet) => onChange({ allowDuet })}
        />
        <Interaction
          label="Allow Stitch"
          testId="allow-stitch"
          checked={form.allowStitch}
          disabled={!creator || creator.stitchDisabled}
          onChange={(allowStitch) => onChange({ allowStitch })}
        />
      </div>
      {creator && (creator.commentDisabled || creator.duetDisabled || creator.stitchDisabled) && (
        <small class="muted">Greyed-out options are turned off in this account's TikTok privacy settings.</small>
      )}
    </fieldset>
  );
}

function Interaction(props: { label: string; testId: string; checked: boolean; disabled: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class={`check-row ${props.disabled ? "is-disabled" : ""}`}>
      <input
        type="checkbox"
        checked={props.checked && !props.disabled}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}
