// Direct post vs. TikTok inbox draft; inbox drafts are finished in the TikTok app (tiktok-api.md §9.8).
import { t } from "../../i18n/index.ts";
import type { ComposerForm } from "../../lib/composer-rules.ts";

export function ModeFields({ form, onChange }: { form: ComposerForm; onChange: (patch: Partial<ComposerForm>) => void }) {
  return (
    <fieldset class="field-group">
      <legend>{t("composer.howToSend")}</legend>
      <div class="choice-list">
        <label class="check-row choice">
          <input
            type="radio"
            name="mode"
            value="direct"
            checked={form.mode === "direct"}
            data-testid="mode-direct"
            onChange={() => onChange({ mode: "direct" })}
          />
          <span>
            {t("composer.direct")}
            <small class="muted block">{t("composer.directHint")}</small>
          </span>
        </label>
        <label class="check-row choice">
          <input
            type="radio"
            name="mode"
            value="inbox"
            checked={form.mode === "inbox"}
            data-testid="mode-inbox"
            onChange={() => onChange({ mode: "inbox" })}
          />
          <span>
            {t("composer.inbox")}
            <small class="muted block">{t("composer.inboxHint")}</small>
          </span>
        </label>
      </div>
      {form.mode === "inbox" && <p class="notice notice-info small">{t("composer.inboxNote")}</p>}
    </fieldset>
  );
}
