// The <option>s of a "who can view" select: exactly the creator's current levels; "Only me" is disabled for
// branded content (TikTok audit rule, tiktok-api.md §8.3).
import { t } from "../i18n/index.ts";
import { BRANDED_NOT_PRIVATE } from "../lib/composer-rules.ts";
import { privacyLabel } from "../lib/format.ts";

export function PrivacyOptions({ options, branded }: { options: string[]; branded: boolean }) {
  return (
    <>
      {options.map((level) => {
        const blocked = branded && level === "SELF_ONLY";
        return (
          <option key={level} value={level} disabled={blocked} title={blocked ? BRANDED_NOT_PRIVATE : undefined}>
            {blocked ? t("privacy.notForBranded", { level: privacyLabel(level) }) : privacyLabel(level)}
          </option>
        );
      })}
    </>
  );
}
