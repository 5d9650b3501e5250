// Date, time (to the second) and time zone; shows the resulting instant and DST oddities. Used by the composer and
// by "Reschedule…" on an existing post (with its own test ids and legend).
import type { Issue } from "../../api.ts";
import { formatInZone, formatRelative } from "../../lib/format.ts";
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
}

export function ScheduleFields(props: Props) {
  const { form, zones, browserZone, resolved, issues, onChange } = props;
  const prefix = props.testIdPrefix ?? "schedule";
  const iso = resolved ? new Date(resolved.utcMs).toISOString() : null;
  return (
    <fieldset class="field-group">
      <legend>{props.legend ?? "When"}</legend>
      <div class="row">
        <label class="field">
          <span>Date</span>
          <input
            type="date"
            value={form.date}
            required
            data-testid={`${prefix}-date`}
            onInput={(e) => onChange({ date: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>Time</span>
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
          <span>Time zone</span>
          <select value={form.timeZone} data-testid={`${prefix}-timezone`} onChange={(e) => onChange({ timeZone: e.currentTarget.value })}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
                {zone === browserZone ? " (your time zone)" : ""}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldIssues issues={issues} field="scheduledAt" />
      <FieldIssues issues={issues} field="timezone" />
      {iso && resolved && (
        <p class="muted small">
          {form.timeZone !== browserZone && <>That's {formatInZone(iso, browserZone)} your time. </>}
          {resolved.utcMs <= Date.now() ? (
            <span class="text-warning">This time has passed; the post will go out as soon as possible.</span>
          ) : (
            <>Publishes {formatRelative(iso)}.</>
          )}
        </p>
      )}
      {resolved?.kind === "gap" && (
        <p class="text-warning small">
          Clocks in {form.timeZone} skip this time (daylight saving starts), so it will post at {formatInZone(iso, form.timeZone)}.
        </p>
      )}
      {resolved?.kind === "ambiguous" && (
        <p class="text-warning small">This time happens twice in {form.timeZone} (daylight saving ends); the first occurrence is used.</p>
      )}
    </fieldset>
  );
}
