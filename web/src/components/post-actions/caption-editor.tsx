// "Edit caption": a textarea with TikTok's length limit. On a post still to come it is saved on its own (one PATCH);
// on a post being retried (`onDraft`) it has no save button and travels with "Publish now" or "Reschedule…", since
// the API re-checks the time on every edit and a missed or failed post's old time has passed.
import { useState } from "preact/hooks";
import type { Post } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { CAPTION_MAX } from "../../lib/composer-rules.ts";
import type { PostEditError } from "../../lib/use-post-edit.ts";
import { FieldIssues } from "../composer/field-issues.tsx";

interface Props {
  post: Post;
  busy: boolean;
  error: PostEditError | null;
  onSave?: (caption: string) => void;
  /** Draft mode: every change is reported here instead of being saved. */
  onDraft?: (caption: string) => void;
  onClose: () => void;
}

export function CaptionEditor({ post, busy, error, onSave, onDraft, onClose }: Props) {
  // Starts from the caption when opened; later polls don't overwrite what the user is typing.
  const [caption, setCaption] = useState(post.caption);
  // TikTok counts UTF-16 code units, as JS .length does (same rule as the composer and the API).
  const tooLong = caption.length > CAPTION_MAX;
  const unchanged = caption === post.caption;

  const submit = (event: Event) => {
    event.preventDefault();
    if (!busy && !tooLong && !unchanged) onSave?.(caption);
  };

  return (
    <form class="caption-editor" onSubmit={submit} noValidate>
      <label class="field">
        <span>{t("field.caption")}</span>
        <textarea
          rows={4}
          value={caption}
          data-testid="post-caption-input"
          onInput={(e) => {
            setCaption(e.currentTarget.value);
            onDraft?.(e.currentTarget.value);
          }}
        />
        <small class={`counter ${tooLong ? "field-error" : "muted"}`}>
          {caption.length} / {CAPTION_MAX}
        </small>
        <FieldIssues issues={error?.issues ?? []} field="caption" />
      </label>
      {onDraft ? (
        <p class="muted small">{t("actions.captionTravels")}</p>
      ) : (
        <div class="action-row">
          <button type="submit" class="button-small" disabled={busy || tooLong || unchanged} data-testid="post-caption-save">
            {busy ? t("common.saving") : t("actions.saveCaption")}
          </button>
          <button type="button" class="button-secondary button-small" onClick={onClose}>
            {t("common.close")}
          </button>
        </div>
      )}
    </form>
  );
}
