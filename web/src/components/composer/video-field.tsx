// Video picker: local preview of the exact file (tiktok-api.md §8.5a), duration check, resumable upload progress
// (percentage, speed, time left, cancel), then the server's check of the file (ready, or what to fix).
import { VIDEO_TYPES } from "../../../../src/videos/video-rules.ts";
import { formatBytes } from "../../lib/format.ts";
import type { VideoUploadState } from "../../lib/use-video-upload.ts";

interface Props {
  state: VideoUploadState;
  maxDurationSec: number | null;
  onSelect: (file: File | null) => void;
  onDuration: (seconds: number) => void;
  onRetry: () => void;
  onCancel: () => void;
}

const speedText = (bps: number | null) => (bps === null ? "" : ` · ${formatBytes(bps)}/s`);
const leftText = (seconds: number | null) =>
  seconds === null ? "" : seconds >= 120 ? ` · about ${Math.round(seconds / 60)} min left` : ` · ${seconds} s left`;

export function VideoField({ state, maxDurationSec, onSelect, onDuration, onRetry, onCancel }: Props) {
  const tooLong = state.durationSec !== null && maxDurationSec !== null && state.durationSec > maxDurationSec;
  return (
    <fieldset class="field-group">
      <legend>Video</legend>
      <input
        type="file"
        accept={[...VIDEO_TYPES, "video/*"].join(",")}
        data-testid="video-file"
        onChange={(e) => onSelect(e.currentTarget.files?.[0] ?? null)}
      />
      {state.file && state.previewUrl && (
        <div class="video-preview">
          <video
            src={state.previewUrl}
            controls
            muted
            playsInline
            preload="metadata"
            onLoadedMetadata={(e) => onDuration(e.currentTarget.duration)}
          />
          <p class="muted small">
            {state.file.name} · {formatBytes(state.file.size)}
            {state.durationSec !== null && ` · ${state.durationSec.toFixed(1)} s`}
          </p>
        </div>
      )}
      {tooLong && (
        <p class="field-error" role="alert">
          This video is {state.durationSec?.toFixed(1)} s long; this account can post videos up to {maxDurationSec} s. Choose a shorter
          video.
        </p>
      )}
      {state.phase !== "empty" && (
        <div class="upload-status">
          <div
            class={`progress ${state.phase === "failed" ? "progress-failed" : ""}`}
            role="progressbar"
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
              Uploading… {state.progress}%<span data-testid="upload-speed">{speedText(state.bytesPerSecond)}</span>
              <span data-testid="upload-time-left">{leftText(state.secondsLeft)}</span>{" "}
              <button type="button" class="link-button" data-testid="upload-cancel" onClick={onCancel}>
                Cancel
              </button>
            </span>
          )}
          {state.resumedParts > 0 && state.phase === "uploading" && (
            <p class="muted small" data-testid="upload-resumed" data-parts={String(state.resumedParts)}>
              Resuming: {state.resumedParts} of {state.partCount} parts were already uploaded.
            </p>
          )}
          {state.phase === "processing" && (
            <span class="muted small" data-testid="video-processing">
              Uploaded; checking the video…
            </span>
          )}
          {state.phase === "ready" && (
            <span class="text-success small" data-testid="upload-done">
              Uploaded and ready
            </span>
          )}
          {state.phase === "cancelled" && (
            <span class="muted small" data-testid="upload-cancelled">
              Upload cancelled.{" "}
              <button type="button" class="link-button" onClick={onRetry}>
                Upload again
              </button>
            </span>
          )}
          {state.phase === "rejected" && (
            <div class="field-error" role="alert" data-testid="video-problems">
              TikTok would refuse this video:
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
            <span class="field-error">
              Upload failed: {state.error}{" "}
              <button type="button" class="link-button" onClick={onRetry}>
                Retry
              </button>
            </span>
          )}
        </div>
      )}
    </fieldset>
  );
}
