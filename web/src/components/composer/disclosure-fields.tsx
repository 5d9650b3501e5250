// Commercial content disclosure (tiktok-api.md §8.3): toggle off by default, two unticked boxes, label preview.
import { BRANDED_NOT_PRIVATE, type ComposerForm, DISCLOSURE_NOTHING_TICKED } from "../../lib/composer-rules.ts";

interface Props {
  form: ComposerForm;
  onChange: (patch: Partial<ComposerForm>) => void;
}

export function DisclosureFields({ form, onChange }: Props) {
  const privateChosen = form.privacyLevel === "SELF_ONLY";
  const label = form.brandedContent ? "Paid partnership" : form.yourBrand ? "Promotional content" : null;
  return (
    <fieldset class="field-group">
      <legend>Commercial content</legend>
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          aria-checked={form.disclose}
          checked={form.disclose}
          data-testid="disclose-content"
          onChange={(e) => {
            const on = e.currentTarget.checked;
            onChange(on ? { disclose: true } : { disclose: false, yourBrand: false, brandedContent: false });
          }}
        />
        <span>
          <strong>Disclose video content</strong>
          <small class="muted block">
            Turn on to disclose that this video promotes goods or services in exchange for something of value. Your video could promote
            yourself, a third party, or both.
          </small>
        </span>
      </label>
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
              Your brand
              <small class="muted block">
                You are promoting yourself or your own business. This video will be classified as Brand Organic.
              </small>
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
              Branded content
              <small class="muted block">
                You are promoting another brand or a third party. This video will be classified as Branded Content.
              </small>
              {privateChosen && <small class="text-warning block">{BRANDED_NOT_PRIVATE}</small>}
            </span>
          </label>
          {label ? (
            <p class="notice notice-info small">Your photo/video will be labeled as '{label}'</p>
          ) : (
            <p class="text-warning small">{DISCLOSURE_NOTHING_TICKED}</p>
          )}
        </div>
      )}
    </fieldset>
  );
}

/** Always visible right before the button (§8.2); switches when Branded content is ticked (§8.4). */
export function Declaration({ branded }: { branded: boolean }) {
  const music = (
    <a href="https://www.tiktok.com/legal/page/global/music-usage-confirmation/en" target="_blank" rel="noreferrer">
      Music Usage Confirmation
    </a>
  );
  if (!branded) return <p class="declaration">By posting, you agree to TikTok's {music}.</p>;
  return (
    <p class="declaration">
      By posting, you agree to TikTok's{" "}
      <a href="https://www.tiktok.com/legal/page/global/bc-policy/en" target="_blank" rel="noreferrer">
        Branded Content Policy
      </a>{" "}
      and {music}.
    </p>
  );
}
