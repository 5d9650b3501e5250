// One video of the media library: its thumbnail, facts (duration, size on screen, frame rate, size on disk, codecs),
// the server's verdict with every problem and warning, how many posts use it; preview playback, reuse, delete.
import { useState } from "preact/hooks";
import { api, messageOf, type Video } from "../api.ts";
import { t } from "../i18n/index.ts";
import { formatBytes, formatDuration, formatInZone, formatNumber } from "../lib/format.ts";
import { videoProblems, videoThumbnail } from "../lib/optional-fields.ts";
import { browserTimeZone } from "../lib/time.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { Thumb } from "./thumb.tsx";
import { Link } from "./ui.tsx";

/** "2 sec · 360×640 · 30 fps · 1.2 MB · vp9, no audio": what the probe read, then the size on disk. */
export function videoFacts(video: Video): string {
  const p = video.probe;
  if (!p) return formatBytes(video.size);
  const codecs = p.audioCodec
    ? t("media.codecs", { video: p.videoCodec, audio: p.audioCodec })
    : t("media.noAudio", { video: p.videoCodec });
  return [
    formatDuration(p.durationMs),
    t("media.dimensions", { width: p.width, height: p.height }),
    t("media.fps", { fps: formatNumber(Math.round(p.fps * 100) / 100) }),
    formatBytes(video.size),
    codecs,
  ].join(" · ");
}

function Notes({ items, testId, className }: { items: { code: string; message: string }[]; testId: string; className: string }) {
  if (items.length === 0) return null;
  return (
    <ul class={`media-notes small ${className}`} data-testid={testId}>
      {items.map((item) => (
        <li key={item.code} data-code={item.code}>
          {item.message}
        </li>
      ))}
    </ul>
  );
}

export function MediaItem({ video, onDeleted }: { video: Video; onDeleted: (id: string) => void }) {
  const [previewing, setPreviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.deleteVideo(video.id);
      onDeleted(video.id);
    } catch (caught) {
      // 409 video_in_use names the scheduled posts that still need it: shown as the server words it.
      setError(messageOf(caught));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="card media-item" data-testid="media-item" data-video-id={video.id} data-status={video.status}>
      <Thumb url={videoThumbnail(video)} label={video.filename} colour="acc-c0" size="medium" />
      <div>
        <strong class="break">{video.filename}</strong>
        <span class="small block">{t(`video.status.${video.status}`)}</span>
        <span class="muted small block" data-testid="media-facts">
          {videoFacts(video)}
        </span>
        <span class="muted small block">{formatInZone(video.createdAt, browserTimeZone())}</span>
        <span class="muted small block" data-testid="media-uses">
          {video.postCount === 0 ? t("media.unused") : t("media.uses", { count: video.postCount })}
        </span>
        <Notes items={videoProblems(video)} testId="media-problems" className="text-danger" />
        <Notes items={video.warnings} testId="media-warnings" className="muted" />
        {previewing && (
          // Served with Range (206), so seeking fetches only what is watched.
          // biome-ignore lint/a11y/useMediaCaption: a user's own upload, previewed before posting; it has no captions track
          <video class="media-preview" src={api.videoContentUrl(video.id)} controls preload="metadata" data-testid="media-preview" />
        )}
        {error && (
          <p class="field-error small" role="alert" data-testid="media-error">
            {error}
          </p>
        )}
        <div class="media-actions">
          {video.status === "ready" && (
            <>
              <button
                type="button"
                class="button-secondary button-small"
                data-testid="media-preview-toggle"
                onClick={() => setPreviewing((v) => !v)}
              >
                {previewing ? t("media.hidePreview") : t("media.preview")}
              </button>
              <Link href={`/posts/new?video=${encodeURIComponent(video.id)}`} class="button button-small" testId="media-reuse">
                {t("media.use")}
              </Link>
            </>
          )}
          <button
            type="button"
            class="button-secondary button-small"
            data-testid="media-delete"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t("common.delete")}
          </button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t("media.deleteTitle", { name: video.filename })}
        confirmLabel={t("common.delete")}
        danger
        busy={busy}
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      >
        <p>{video.postCount === 0 ? t("media.deleteExplain") : t("media.deleteUsed", { count: video.postCount })}</p>
      </ConfirmDialog>
    </li>
  );
}
