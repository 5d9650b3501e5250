// Direct post vs. TikTok inbox draft; inbox drafts are finished in the TikTok app (tiktok-api.md §9.8).
import type { ComposerForm } from "../../lib/composer-rules.ts";

export function ModeFields({ form, onChange }: { form: ComposerForm; onChange: (patch: Partial<ComposerForm>) => void }) {
  return (
    <fieldset class="field-group">
      <legend>How to send it</legend>
      <label class="check-row">
        <input
          type="radio"
          name="mode"
          value="direct"
          checked={form.mode === "direct"}
          data-testid="mode-direct"
          onChange={() => onChange({ mode: "direct" })}
        />
        <span>
          Post directly
          <small class="muted block">Published on the profile at the scheduled time with the settings below.</small>
        </span>
      </label>
      <label class="check-row">
        <input
          type="radio"
          name="mode"
          value="inbox"
          checked={form.mode === "inbox"}
          data-testid="mode-inbox"
          onChange={() => onChange({ mode: "inbox" })}
        />
        <span>
          Send to TikTok inbox as draft
          <small class="muted block">At the scheduled time the video lands in the TikTok app's inbox.</small>
        </span>
      </label>
      {form.mode === "inbox" && (
        <p class="notice notice-info small">
          You'll finish the post in the TikTok app: open the inbox notification, then choose who can view it, the interaction settings and
          any content disclosure there before posting.
        </p>
      )}
    </fieldset>
  );
}
