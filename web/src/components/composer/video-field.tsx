// Video picker: local preview of the exact file (tiktok-api.md §8.5a), duration check, upload progress.
import { VIDEO_TYPES } from "../../../../src/videos/video-rules.ts";
import { formatBytes } from "../../lib/format.ts";
import type { VideoUploadState } from "../../lib/use-video-upload.ts";

interface Props {
  state: VideoUploadState;
  maxDurationSec: number | null;
  onSelect: (file: File | null) => void;
  onDuration: (seconds: number) => void;
  onRetry: () => void;
}

export function VideoField({ state, maxDurationSec, onSelect, onDuration, onRetry }: Props) {
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
          {state.phase === "uploading" && <span class="muted small">Uploading… {state.progress}%</span>}
          {state.phase === "ready" && (
            <span class="text-success small" data-testid="upload-done">
              Uploaded and ready
            </span>
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
