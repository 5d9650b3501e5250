// The live TikTok preview beside the form: the exact video (tiktok-api.md §8.5a) in a phone frame, with the
// caption as TikTok shows it (hashtags and mentions highlighted), the posting account and the disclosure label.
import { useEffect, useRef } from "preact/hooks";
import type { Video } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { captionTokens } from "../../lib/caption-tokens.ts";
import { videoThumbnail } from "../../lib/optional-fields.ts";

interface Props {
  previewUrl: string | null;
  video: Video | null;
  username: string | null;
  nickname: string | null;
  caption: string;
  /** "Paid partnership" / "Promotional content", or null. */
  label: string | null;
  inbox: boolean;
  /** The chosen cover frame (ms): the preview stops there so the person sees it. */
  coverMs: number | null;
  onDuration: (seconds: number) => void;
}

export function PhonePreview(props: Props) {
  const poster = props.video ? videoThumbnail(props.video) : null;
  const videoRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = videoRef.current;
    if (!video || props.coverMs === null) return;
    video.pause();
    video.currentTime = props.coverMs / 1000;
  }, [props.coverMs, props.previewUrl]);
  return (
    <aside class="preview" aria-labelledby="preview-title" data-testid="phone-preview">
      <h2 id="preview-title" class="preview-title">
        {t("preview.title")}
      </h2>
      <div class="phone">
        <div class="phone-screen">
          {props.previewUrl ? (
            <video
              ref={videoRef}
              class="phone-video"
              src={props.previewUrl}
              poster={poster ?? undefined}
              controls
              muted
              playsInline
              loop
              preload="metadata"
              aria-label={t("preview.video")}
              data-testid="preview-video"
              onLoadedMetadata={(e) => props.onDuration(e.currentTarget.duration)}
            />
          ) : (
            <p class="phone-empty">{t("preview.empty")}</p>
          )}
          <div class="phone-overlay">
            <p class="phone-user">
              <bdi>{props.username ? `@${props.username}` : (props.nickname ?? t("preview.account"))}</bdi>
            </p>
            {props.label && (
              <p class="phone-label" data-testid="preview-label">
                {props.label}
              </p>
            )}
            <p class="phone-caption" dir="auto" data-testid="preview-caption">
              {captionTokens(props.caption).map((token, i) =>
                token.kind === "text" ? (
                  token.text
                ) : (
                  <span key={i} class={token.kind === "hashtag" ? "tag" : "mention"}>
                    {token.text}
                  </span>
                ),
              )}
            </p>
          </div>
          <div class="phone-rail" aria-hidden="true">
            <span />
            <span />
            <span />
          </div>
        </div>
      </div>
      <p class="muted small preview-note">{props.inbox ? t("preview.inboxNote") : t("preview.note")}</p>
    </aside>
  );
}
