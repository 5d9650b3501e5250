// Video picker: upload a file (resumable: percentage, speed, time left, cancel), or reuse one already uploaded; the
// exact video is previewed in the phone preview (tiktok-api.md §8.5a). Then the server's check of the file: ready,
// or what to fix. Duration check against the account's limit, and a Retry only when a second try can help.
import { VIDEO_TYPES } from "../../../../src/videos/video-rules.ts";
import type { Video } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { formatBytes, formatInZone } from "../../lib/format.ts";
import { browserTimeZone } from "../../lib/time.ts";
import type { VideoUploadState } from "../../lib/use-video-upload.ts";

interface Props {
  state: VideoUploadState;
  maxDurationSec: number | null;
  library: Video[];
  onSelect: (file: File | null) => void;
  onPick: (video: Video) => void;
  onRetry: () => void;
  onCancel: () => void;
}

const speedText = (bps: number | null) => (bps === null ? "" : t("composer.uploadSpeed", { speed: formatBytes(bps) }));
const leftText = (seconds: number | null) =>
  seconds === null
    ? ""
    : seconds >= 120
      ? t("composer.uploadMinutesLeft", { minutes: Math.round(seconds / 60) })
      : t("composer.uploadSecondsLeft", { seconds });

export function VideoField({ state, maxDurationSec, library, onSelect, onPick, onRetry, onCancel }: Props) {
  const tooLong = state.durationSec !== null && maxDurationSec !== null && state.durationSec > maxDurationSec;
  const ready = library.filter((v) => v.status === "ready");
  return (
    <fieldset class="field-group">
      <legend>{t("composer.video")}</legend>
      <label class="field">
        <span>{t("composer.chooseFile")}</span>
        <input
          type="file"
          accept={[...VIDEO_TYPES, "video/*"].join(",")}
          data-testid="video-file"
          onChange={(e) => onSelect(e.currentTarget.files?.[0] ?? null)}
        />
        <small class="muted">{t("composer.fileHint")}</small>
      </label>
      {ready.length > 0 && (
        <label class="field">
          <span>{t("composer.orReuse")}</span>
          <select
            value={state.file ? "" : (state.video?.id ?? "")}
            data-testid="video-library"
            onChange={(e) => {
              const video = ready.find((v) => v.id === e.currentTarget.value);
              if (video) onPick(video);
            }}
          >
            <option value="">{t("composer.pickUploaded")}</option>
            {ready.map((v) => (
              <option key={v.id} value={v.id}>
                {t("composer.uploadedVideo", { name: v.filename, when: formatInZone(v.createdAt, browserTimeZone()) })}
              </option>
            ))}
          </select>
        </label>
      )}
      {state.file && (
        <p class="muted small">
          {state.file.name} · {formatBytes(state.file.size)}
          {state.durationSec !== null && ` · ${t("composer.seconds", { seconds: state.durationSec.toFixed(1) })}`}
        </p>
      )}
      {tooLong && (
        <p class="field-error" role="alert">
          {t("composer.tooLong", { seconds: state.durationSec?.toFixed(1) ?? "", max: maxDurationSec ?? 0 })}
        </p>
      )}
      {state.phase !== "empty" && (state.file || state.phase !== "ready") && (
        <div class="upload-status">
          <div
            class={`progress ${state.phase === "failed" ? "progress-failed" : ""}`}
            role="progressbar"
            aria-label={t("composer.uploadProgress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.progress}
            data-testid="upload-progress"
            data-progress={String(state.progress)}
          >
            <div class="progress-bar" style={{ width: `${state.progress}%` }} />
          </div>
          {state.phase === "uploading" && (
            <span class="muted small" data-testid="upload-status">
              {t("composer.uploading", { percent: state.progress })}
              <span data-testid="upload-speed">{speedText(state.bytesPerSecond)}</span>
              <span data-testid="upload-time-left">{leftText(state.secondsLeft)}</span>{" "}
              <button type="button" class="link-button" data-testid="upload-cancel" onClick={onCancel}>
                {t("composer.uploadCancel")}
              </button>
            </span>
          )}
          {state.resumedParts > 0 && (state.phase === "uploading" || state.phase === "processing") && (
            <p class="muted small" data-testid="upload-resumed" data-parts={String(state.resumedParts)}>
              {t("composer.uploadResumed", { done: state.resumedParts, total: state.partCount })}
            </p>
          )}
          {state.phase === "processing" && (
            <span class="muted small" data-testid="video-processing">
              {t("composer.videoChecking")}
            </span>
          )}
          {state.phase === "ready" && (
            <span class="text-success small" data-testid="upload-done">
              {t("composer.uploaded")}
            </span>
          )}
          {state.phase === "cancelled" && (
            <span class="muted small" data-testid="upload-cancelled">
              {t("composer.uploadCancelled")}{" "}
              <button type="button" class="link-button" onClick={onRetry}>
                {t("composer.uploadAgain")}
              </button>
            </span>
          )}
          {state.phase === "rejected" && (
            <div class="field-error" role="alert" data-testid="video-problems">
              {t("composer.videoRefused")}
              <ul>
                {state.video?.problems.map((p) => (
                  <li key={p.code} data-code={p.code}>
                    {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {state.phase === "ready" && (state.video?.warnings.length ?? 0) > 0 && (
            <ul class="muted small" data-testid="video-warnings">
              {state.video?.warnings.map((w) => (
                <li key={w.code} data-code={w.code}>
                  {w.message}
                </li>
              ))}
            </ul>
          )}
          {state.phase === "failed" && (
            <span class="field-error" role="alert" data-testid="upload-error">
              {state.error}{" "}
              {state.retryable && (
                <button type="button" class="link-button" onClick={onRetry}>
                  {t("common.retry")}
                </button>
              )}
            </span>
          )}
        </div>
      )}
      {!state.file && state.phase === "ready" && state.video && (
        <p class="text-success small" data-testid="upload-done">
          {t("composer.usingVideo", { name: state.video.filename })}
        </p>
      )}
    </fieldset>
  );
}
