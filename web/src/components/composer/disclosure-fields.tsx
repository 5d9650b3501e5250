// Commercial content disclosure (tiktok-api.md §8.3): a switch off by default, two unticked boxes, the label preview;
// and the declaration right before the button (§8.2, §8.4), in TikTok's exact words with its links.
import { rich, t } from "../../i18n/index.ts";
import { BRANDED_NOT_PRIVATE, type ComposerForm, DISCLOSURE_NOTHING_TICKED } from "../../lib/composer-rules.ts";
import { Switch } from "../ui.tsx";

interface Props {
  form: ComposerForm;
  onChange: (patch: Partial<ComposerForm>) => void;
}

/** The label TikTok will show on the post, or null. */
export function disclosureLabel(form: Pick<ComposerForm, "disclose" | "brandedContent" | "yourBrand" | "mode">): string | null {
  if (form.mode !== "direct" || !form.disclose) return null;
  if (form.brandedContent) return t("tiktok.paidPartnership");
  return form.yourBrand ? t("tiktok.promotional") : null;
}

export function DisclosureFields({ form, onChange }: Props) {
  const privateChosen = form.privacyLevel === "SELF_ONLY";
  const label = disclosureLabel(form);
  return (
    <fieldset class="field-group">
      <legend>{t("composer.commercial")}</legend>
      <Switch
        label={t("tiktok.discloseTitle")}
        hint={t("tiktok.discloseHint")}
        checked={form.disclose}
        testId="disclose-content"
        onChange={(on) => onChange(on ? { disclose: true } : { disclose: false, yourBrand: false, brandedContent: false })}
      />
      {form.disclose && (
        <div class="disclosure-options">
          <label class="check-row">
            <input
              type="checkbox"
              checked={form.yourBrand}
              data-testid="brand-organic"
              onChange={(e) => onChange({ yourBrand: e.currentTarget.checked })}
            />
            <span>
              {t("tiktok.yourBrand")}
              <small class="muted block">{t("tiktok.yourBrandHint")}</small>
            </span>
          </label>
          <label class={`check-row ${privateChosen ? "is-disabled" : ""}`} title={privateChosen ? BRANDED_NOT_PRIVATE : undefined}>
            <input
              type="checkbox"
              checked={form.brandedContent}
              disabled={privateChosen && !form.brandedContent}
              data-testid="brand-content"
              onChange={(e) => onChange({ brandedContent: e.currentTarget.checked })}
            />
            <span>
              {t("tiktok.brandedContent")}
              <small class="muted block">{t("tiktok.brandedContentHint")}</small>
              {privateChosen && <small class="text-warning block">{BRANDED_NOT_PRIVATE}</small>}
            </span>
          </label>
          {label ? (
            <p class="notice notice-info small" data-testid="disclosure-label">
              {t("tiktok.labelledAs", { label })}
            </p>
          ) : (
            <p class="text-warning small">{DISCLOSURE_NOTHING_TICKED}</p>
          )}
        </div>
      )}
    </fieldset>
  );
}

const MUSIC_URL = "https://www.tiktok.com/legal/page/global/music-usage-confirmation/en";
const BRANDED_URL = "https://www.tiktok.com/legal/page/global/bc-policy/en";

/** Always visible right before the button (§8.2); switches when Branded content is ticked (§8.4). */
export function Declaration({ branded }: { branded: boolean }) {
  const music = (
    <a href={MUSIC_URL} target="_blank" rel="noreferrer">
      {t("tiktok.musicUsage")}
    </a>
  );
  const policy = (
    <a href={BRANDED_URL} target="_blank" rel="noreferrer">
      {t("tiktok.brandedPolicy")}
    </a>
  );
  return (
    <p class="declaration" data-testid="declaration">
      {branded ? rich("tiktok.declarationBranded", { music, policy }) : rich("tiktok.declaration", { music })}
    </p>
  );
}
