// Pieces the integrations cards share: a server error shown under the field it names, the error that names no field,
// and a secret shown once in a box to copy from.
import { issuesOf } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { copyText } from "../../lib/identity.ts";
import { showToast } from "../../lib/toasts.ts";
import { FormError } from "../ui.tsx";

/** The API's issues for `field` (zod paths, first segment), under that field; `id` is for aria-describedby. */
export function FieldError({ error, field, id }: { error: unknown; field: string; id: string }) {
  const mine = issuesOf(error).filter((issue) => issue.path.split(".")[0] === field);
  if (mine.length === 0) return null;
  return (
    <p class="field-error small" id={id} role="alert" data-testid={`${field}-error`}>
      {mine.map((issue) => issue.message).join(" ")}
    </p>
  );
}

/** Does any issue of the error name one of these fields (then it shows beside them, not above the form)? */
export const namesField = (error: unknown, fields: string[]) =>
  issuesOf(error).some((issue) => fields.includes(issue.path.split(".")[0] ?? ""));

/** aria-invalid and aria-describedby for an input while the error names its field (no dangling reference otherwise). */
export const describedBy = (error: unknown, field: string, id: string) =>
  namesField(error, [field]) ? { "aria-invalid": true, "aria-describedby": id } : {};

/** The error, unless the fields show it themselves. */
export function FormLevelError({ error, fields }: { error: unknown; fields: string[] }) {
  return error && !namesField(error, fields) ? <FormError error={error} /> : null;
}

/** A just-made or just-rotated signing secret: shown once, selectable, copyable; Done forgets it. */
export function SecretBox(props: { secret: string; label: string; onDone: () => void }) {
  const copy = async () => showToast({ text: (await copyText(props.secret)) ? t("integrations.secret.copied") : t("common.copyFailed") });
  return (
    <div class="notice notice-success secret-box" role="status" data-testid="endpoint-secret-box">
      <div class="notice-body">
        <p>
          <strong>{props.label}</strong>
        </p>
        <p>{t("integrations.secret.once")}</p>
        <div class="row">
          <label class="field grow">
            <span class="sr-only">{t("integrations.secret.field")}</span>
            <input
              type="text"
              readOnly
              value={props.secret}
              class="mono"
              data-testid="endpoint-secret"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <button type="button" class="button-secondary align-end" data-testid="endpoint-secret-copy" onClick={copy}>
            {t("common.copy")}
          </button>
        </div>
        <button type="button" class="button-ghost button-small" data-testid="endpoint-secret-done" onClick={props.onDone}>
          {t("integrations.secret.done")}
        </button>
      </div>
    </div>
  );
}
