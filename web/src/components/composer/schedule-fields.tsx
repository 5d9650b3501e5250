// Date, time (to the second) and time zone; says the resulting moment back in words, in the zone and in the
// browser's, and flags DST oddities and a time that has passed (the API's rule: a time in the past is refused).
// Used by the composer and by "Reschedule…" on an existing post (with its own test ids and legend).
import type { Issue } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { isPast } from "../../lib/composer-rules.ts";
import { formatLong, formatRelative, formatTime, zoneName } from "../../lib/format.ts";
import type { WallClockKind } from "../../lib/time.ts";
import { FieldIssues } from "./field-issues.tsx";

/** The values of the three inputs, as typed. */
export interface ScheduleForm {
  date: string;
  time: string;
  timeZone: string;
}

interface Props {
  form: ScheduleForm;
  zones: string[];
  browserZone: string;
  resolved: { utcMs: number; kind: WallClockKind } | null;
  issues: Issue[];
  onChange: (patch: Partial<ScheduleForm>) => void;
  /** Prefix of the inputs' data-testids. Default "schedule" (the composer's). */
  testIdPrefix?: string;
  /** Default "When". */
  legend?: string;
  /** Render without the fieldset (inside another group). */
  bare?: boolean;
}

export function ScheduleFields(props: Props) {
  const { form, zones, browserZone, resolved, issues, onChange } = props;
  const prefix = props.testIdPrefix ?? "schedule";
  const fields = (
    <>
      <div class="row">
        <label class="field">
          <span>{t("field.date")}</span>
          <input
            type="date"
            value={form.date}
            required
            data-testid={`${prefix}-date`}
            onInput={(e) => onChange({ date: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{t("field.time")}</span>
          <input
            type="time"
            step={1}
            value={form.time}
            required
            data-testid={`${prefix}-time`}
            onInput={(e) => onChange({ time: e.currentTarget.value })}
          />
        </label>
        <label class="field grow">
          <span>{t("field.timezone")}</span>
          <select value={form.timeZone} data-testid={`${prefix}-timezone`} onChange={(e) => onChange({ timeZone: e.currentTarget.value })}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone === browserZone ? t("composer.yourZone", { zone: zoneName(zone) }) : zoneName(zone)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldIssues issues={issues} field="scheduledAt" />
      <FieldIssues issues={issues} field="timezone" />
      {resolved && <InWords utcMs={resolved.utcMs} zone={form.timeZone} browserZone={browserZone} testId={`${prefix}-words`} />}
      {resolved?.kind === "gap" && (
        <p class="text-warning small">
          {t("composer.dstGap", { zone: zoneName(form.timeZone), time: formatTime(resolved.utcMs, form.timeZone) })}
        </p>
      )}
      {resolved?.kind === "ambiguous" && <p class="text-warning small">{t("composer.dstTwice", { zone: zoneName(form.timeZone) })}</p>}
    </>
  );
  if (props.bare) return fields;
  return (
    <fieldset class="field-group">
      <legend>{props.legend ?? t("composer.when")}</legend>
      {fields}
    </fieldset>
  );
}

/** "Tuesday 16 March 2027 at 09:00 — in 3 days. That's 14:00 your time." or the past-time rule. */
export function InWords({ utcMs, zone, browserZone, testId }: { utcMs: number; zone: string; browserZone: string; testId?: string }) {
  if (isPast(utcMs)) {
    return (
      <p class="text-warning small" role="status" data-testid={testId} data-past="true">
        {t("composer.pastTime")}
      </p>
    );
  }
  return (
    <p class="small in-words" data-testid={testId}>
      <strong>{formatLong(utcMs, zone)}</strong> · {formatRelative(utcMs)}
      {zone !== browserZone && <span class="muted"> · {t("composer.yourTime", { time: formatLong(utcMs, browserZone) })}</span>}
    </p>
  );
}
