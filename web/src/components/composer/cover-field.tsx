// The cover picker: a slider over the video's duration; the phone preview shows the chosen frame, and the post
// sends it as coverTimestampMs (TikTok's video_cover_timestamp_ms). Untouched, TikTok uses the first frame.
import { t } from "../../i18n/index.ts";
import { formatDuration } from "../../lib/format.ts";

interface Props {
  durationSec: number | null;
  coverMs: number | null;
  onChange: (coverMs: number) => void;
}

export function CoverField({ durationSec, coverMs, onChange }: Props) {
  if (!durationSec) return null;
  const max = Math.floor(durationSec * 1000);
  const value = Math.min(coverMs ?? 0, max);
  const shown = coverMs === null ? t("composer.coverFirst") : t("composer.coverAt", { time: formatDuration(value) });
  return (
    <fieldset class="field-group">
      <legend>{t("composer.cover")}</legend>
      <label class="field">
        <span>{t("composer.coverPick")}</span>
        <input
          type="range"
          min={0}
          max={max}
          step={100}
          value={value}
          aria-valuetext={shown}
          data-testid="cover-time"
          onInput={(e) => onChange(Math.min(Number(e.currentTarget.value), max))}
        />
        <span class="muted small" data-testid="cover-label">
          {shown}
        </span>
      </label>
    </fieldset>
  );
}
