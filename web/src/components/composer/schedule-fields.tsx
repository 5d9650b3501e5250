// Date, time (to the second) and time zone; shows the resulting instant and DST oddities.
import type { Issue } from "../../api.ts";
import type { ComposerForm } from "../../lib/composer-rules.ts";
import { formatInZone, formatRelative } from "../../lib/format.ts";
import type { WallClockKind } from "../../lib/time.ts";
import { FieldIssues } from "./field-issues.tsx";

interface Props {
  form: ComposerForm;
  zones: string[];
  browserZone: string;
  resolved: { utcMs: number; kind: WallClockKind } | null;
  issues: Issue[];
  onChange: (patch: Partial<ComposerForm>) => void;
}

export function ScheduleFields({ form, zones, browserZone, resolved, issues, onChange }: Props) {
  const iso = resolved ? new Date(resolved.utcMs).toISOString() : null;
  return (
    <fieldset class="field-group">
      <legend>When</legend>
      <div class="row">
        <label class="field">
          <span>Date</span>
          <input
            type="date"
            value={form.date}
            required
            data-testid="schedule-date"
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
            data-testid="schedule-time"
            onInput={(e) => onChange({ time: e.currentTarget.value })}
          />
        </label>
        <label class="field grow">
          <span>Time zone</span>
          <select
            value={form.timeZone}
            data-testid="schedule-timezone"
            onChange={(e) => onChange({ timeZone: e.currentTarget.value })}
          >
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
          Clocks in {form.timeZone} skip this time (daylight saving starts), so it will post at{" "}
          {formatInZone(iso, form.timeZone)}.
        </p>
      )}
      {resolved?.kind === "ambiguous" && (
        <p class="text-warning small">
          This time happens twice in {form.timeZone} (daylight saving ends); the first occurrence is used.
        </p>
      )}
    </fieldset>
  );
}
