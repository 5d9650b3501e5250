// When the post goes out: at a date and time, or in the account's next free queue slot (shown with its time).
import type { Issue, QueueInfo } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import type { ComposerForm } from "../../lib/composer-rules.ts";
import { formatLong, zoneName } from "../../lib/format.ts";
import type { WallClockKind } from "../../lib/time.ts";
import { Link } from "../ui.tsx";
import { ScheduleFields } from "./schedule-fields.tsx";

interface Props {
  form: ComposerForm;
  zones: string[];
  browserZone: string;
  resolved: { utcMs: number; kind: WallClockKind } | null;
  queue: QueueInfo | null;
  issues: Issue[];
  onChange: (patch: Partial<ComposerForm>) => void;
}

export function WhenFields({ form, zones, browserZone, resolved, queue, issues, onChange }: Props) {
  const next = queue?.next[0] ?? null;
  return (
    <fieldset class="field-group">
      <legend>{t("composer.when")}</legend>
      <div class="choice-list">
        <label class="check-row choice">
          <input
            type="radio"
            name="when"
            checked={form.when === "time"}
            data-testid="when-time"
            onChange={() => onChange({ when: "time" })}
          />
          <span>{t("composer.atTime")}</span>
        </label>
        <label class={`check-row choice ${next ? "" : "is-disabled"}`}>
          <input
            type="radio"
            name="when"
            checked={form.when === "queue"}
            disabled={!next}
            data-testid="when-queue"
            onChange={() => onChange({ when: "queue" })}
          />
          <span>
            {t("composer.nextSlot")}
            {next && queue?.schedule ? (
              <small class="muted block" data-testid="next-slot">
                {formatLong(next, queue.schedule.timezone)} ({zoneName(queue.schedule.timezone)})
              </small>
            ) : (
              <small class="muted block">
                {form.accountId ? (
                  <>
                    {t("composer.noQueue")} <Link href={`/accounts/${encodeURIComponent(form.accountId)}`}>{t("composer.setUpQueue")}</Link>
                  </>
                ) : (
                  t("composer.block.account")
                )}
              </small>
            )}
          </span>
        </label>
      </div>
      {form.when === "time" && (
        <ScheduleFields form={form} zones={zones} browserZone={browserZone} resolved={resolved} issues={issues} onChange={onChange} bare />
      )}
    </fieldset>
  );
}
