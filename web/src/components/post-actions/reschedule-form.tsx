// "Reschedule…": a new date, time and zone for an existing post (the composer's fields), sent as one PATCH.
import { useMemo, useState } from "preact/hooks";
import type { Post, PostPatch } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { browserTimeZone, isValidTimeZone, parseDateTimeInputs, timeZoneList, toDateTimeInputs, wallClockToUtc } from "../../lib/time.ts";
import type { PostEditError } from "../../lib/use-post-edit.ts";
import { ScheduleFields, type ScheduleForm } from "../composer/schedule-fields.tsx";

/** A post whose time is this close (or past) gets a fresh suggestion instead of its old time. */
const MIN_LEAD_MS = 60_000;
const SUGGESTED_LEAD_MS = 10 * 60_000;

/** The post's own time while it is still ahead; otherwise 10 minutes from now, on a whole minute. */
export function initialSchedule(post: Post, now = Date.now()): ScheduleForm {
  const timeZone = isValidTimeZone(post.timezone) ? post.timezone : browserTimeZone();
  const current = post.scheduledAt ? Date.parse(post.scheduledAt) : 0;
  const start = current > now + MIN_LEAD_MS ? current : Math.ceil((now + SUGGESTED_LEAD_MS) / 60_000) * 60_000;
  return { ...toDateTimeInputs(start, timeZone), timeZone };
}

interface Props {
  post: Post;
  busy: boolean;
  error: PostEditError | null;
  /** Fields decided elsewhere in the panel (a new privacy level), sent along; null while a required one is missing. */
  extra: PostPatch | null;
  onSubmit: (patch: PostPatch) => void;
  onClose: () => void;
}

export function RescheduleForm({ post, busy, error, extra, onSubmit, onClose }: Props) {
  const browserZone = useMemo(browserTimeZone, []);
  const zones = useMemo(timeZoneList, []);
  const [form, setForm] = useState(() => initialSchedule(post));
  const wall = parseDateTimeInputs(form.date, form.time);
  const resolved = wall ? wallClockToUtc(wall, form.timeZone) : null;

  const submit = (event: Event) => {
    event.preventDefault();
    if (!resolved || !extra || busy) return;
    onSubmit({ ...extra, scheduledAt: new Date(resolved.utcMs).toISOString(), timezone: form.timeZone });
  };

  return (
    <form class="reschedule-form" onSubmit={submit} noValidate data-testid="reschedule-form">
      <ScheduleFields
        form={form}
        zones={zones}
        browserZone={browserZone}
        resolved={resolved}
        issues={error?.issues ?? []}
        onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
        testIdPrefix="reschedule"
        legend={t("actions.newTime")}
      />
      <div class="action-row">
        <button type="submit" class="button-small" disabled={busy || !resolved || !extra} data-testid="reschedule-submit">
          {busy ? t("common.saving") : t("actions.saveTime")}
        </button>
        <button type="button" class="button-secondary button-small" onClick={onClose}>
          {t("common.close")}
        </button>
        {!resolved && <small class="field-error">{t("composer.block.time")}</small>}
      </div>
    </form>
  );
}
