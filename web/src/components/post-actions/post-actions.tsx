// What the user can do with a post, by status: edit a post still to come, or decide what happens to one that was
// missed, failed or could not be confirmed. Every decision is a PATCH (the post goes back to `scheduled`) or a cancel.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Post, PostPatch, PrivacyLevel } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { CAPTION_MAX } from "../../lib/composer-rules.ts";
import { EDITABLE } from "../../lib/format.ts";
import { useCreatorInfo } from "../../lib/use-creator-info.ts";
import { type PostEdit, usePostEdit } from "../../lib/use-post-edit.ts";
import { Link } from "../ui.tsx";
import { ActionError } from "./action-error.tsx";
import { CancelButton } from "./cancel-button.tsx";
import { CaptionEditor } from "./caption-editor.tsx";
import { PrivacyChoice, privacyChoiceRequired } from "./privacy-choice.tsx";
import { RescheduleForm } from "./reschedule-form.tsx";

interface Props {
  post: Post;
  /** The posts list: quick actions only; failed and unconfirmed posts are decided on the detail page. */
  compact?: boolean;
  onChange: (post: Post) => void;
  onReload: () => void;
}

type Open = "reschedule" | "caption" | null;

export function PostActions({ post, compact = false, onChange, onReload }: Props) {
  const edit = usePostEdit(post, onChange, onReload);
  const cancel = <CancelButton post={post} onChange={onChange} />;
  if (!EDITABLE.includes(post.status)) return null;
  if (post.status === "scheduled" || post.status === "queued") {
    return <UpcomingActions post={post} compact={compact} edit={edit} cancel={cancel} />;
  }
  if (compact && post.status !== "missed") {
    const href = `/posts/${encodeURIComponent(post.id)}`;
    return (
      <div class="action-row">
        <Link href={href} class="button button-small" testId="post-decide">
          {post.status === "failed" ? t("actions.fixRetry") : t("actions.review")}
        </Link>
      </div>
    );
  }
  return <RetryActions post={post} compact={compact} edit={edit} cancel={cancel} />;
}

/** scheduled / queued: change the time or the caption (and, after a pre-flight warning, who can view it). */
function UpcomingActions({ post, compact, edit, cancel }: { post: Post; compact: boolean; edit: PostEdit; cancel: ComponentChildren }) {
  const [open, setOpen] = useState<Open>(null);
  const [privacy, setPrivacy] = useState<PrivacyLevel | "">("");
  const fixPrivacy = !compact && post.warning !== null && post.mode === "direct";
  const creator = useCreatorInfo(fixPrivacy ? post.accountId : "");
  const toggle = (next: Open) => {
    edit.clearError();
    setOpen((o) => (o === next ? null : next));
  };
  const save = async (action: string, patch: PostPatch) => {
    if (await edit.run(action, patch)) setOpen(null);
  };
  return (
    <div class="post-decision" data-testid="post-actions">
      {fixPrivacy && (
        <div class="privacy-fix">
          <PrivacyChoice post={post} creator={creator} value={privacy} onChange={setPrivacy} />
          <button
            type="button"
            class="button-small"
            disabled={!privacy || edit.busy !== null}
            data-testid="post-privacy-save"
            onClick={() => {
              if (privacy) void save("privacy", { privacyLevel: privacy });
            }}
          >
            {edit.busy === "privacy" ? t("common.saving") : t("actions.savePrivacy")}
          </button>
        </div>
      )}
      <div class="action-row">
        <button type="button" class="button-secondary button-small" data-testid="post-reschedule" onClick={() => toggle("reschedule")}>
          {t("actions.editTime")}
        </button>
        {!compact && (
          <button type="button" class="button-secondary button-small" data-testid="post-edit-caption" onClick={() => toggle("caption")}>
            {t("actions.editCaption")}
          </button>
        )}
        {cancel}
      </div>
      {open === "reschedule" && (
        <RescheduleForm
          post={post}
          busy={edit.busy === "reschedule"}
          error={edit.error}
          extra={{}}
          onSubmit={(patch) => void save("reschedule", patch)}
          onClose={() => setOpen(null)}
        />
      )}
      {open === "caption" && (
        <CaptionEditor
          post={post}
          busy={edit.busy === "caption"}
          error={edit.error}
          onSave={(caption) => void save("caption", { caption })}
          onClose={() => setOpen(null)}
        />
      )}
      <ActionError error={edit.error} />
    </div>
  );
}

/** missed / failed / unconfirmed: publish now or at a new time, optionally with a new privacy level and caption. */
function RetryActions({ post, compact, edit, cancel }: { post: Post; compact: boolean; edit: PostEdit; cancel: ComponentChildren }) {
  const [open, setOpen] = useState<Open>(null);
  const [privacy, setPrivacy] = useState<PrivacyLevel | "">("");
  const [caption, setCaption] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const creator = useCreatorInfo(!compact && post.mode === "direct" ? post.accountId : "");
  const unconfirmed = post.status === "unconfirmed";
  // Re-posting an unconfirmed post may publish the video twice: only after the user says they checked.
  const allowed = !unconfirmed || checked;
  const needsPrivacy = privacyChoiceRequired(post, creator) && !privacy;
  const captionOk = caption === null || caption.length <= CAPTION_MAX;
  const extra: PostPatch | null =
    needsPrivacy || !captionOk
      ? null
      : { ...(privacy ? { privacyLevel: privacy } : {}), ...(caption !== null && caption !== post.caption ? { caption } : {}) };
  const toggle = (next: Open) => {
    edit.clearError();
    if (next === "caption" && open === "caption") setCaption(null); // closing the draft drops it
    setOpen((o) => (o === next ? null : next));
  };
  const publishNow = () => {
    // The current instant in UTC; the post keeps its time zone (omitted from the patch).
    if (extra) void edit.run("publish-now", { ...extra, scheduledAt: new Date().toISOString() });
  };
  return (
    <div class="post-decision" data-testid="post-actions">
      {unconfirmed && (
        <label class="check-row confirm-row">
          <input type="checkbox" checked={checked} data-testid="confirm-not-posted" onChange={(e) => setChecked(e.currentTarget.checked)} />
          <span>{t("actions.checkedTikTok")}</span>
        </label>
      )}
      {!compact && post.mode === "direct" && allowed && (
        <PrivacyChoice post={post} creator={creator} value={privacy} onChange={setPrivacy} />
      )}
      <div class="action-row">
        <button
          type="button"
          class="button-small"
          disabled={!allowed || !extra || edit.busy !== null}
          data-testid="post-publish-now"
          onClick={publishNow}
        >
          {edit.busy === "publish-now" ? t("actions.publishing") : unconfirmed ? t("actions.publishAgain") : t("actions.publishNow")}
        </button>
        <button
          type="button"
          class="button-secondary button-small"
          disabled={!allowed}
          data-testid="post-reschedule"
          onClick={() => toggle("reschedule")}
        >
          {t("actions.reschedule")}
        </button>
        {!compact && (
          <button
            type="button"
            class="button-secondary button-small"
            disabled={!allowed}
            data-testid="post-edit-caption"
            onClick={() => toggle("caption")}
          >
            {t("actions.editCaption")}
          </button>
        )}
        {cancel}
      </div>
      {allowed && open === "caption" && (
        <CaptionEditor post={post} busy={false} error={edit.error} onDraft={setCaption} onClose={() => toggle("caption")} />
      )}
      {allowed && open === "reschedule" && (
        <RescheduleForm
          post={post}
          busy={edit.busy === "reschedule"}
          error={edit.error}
          extra={extra}
          onSubmit={(patch) => void edit.run("reschedule", patch).then((ok) => ok && setOpen(null))}
          onClose={() => setOpen(null)}
        />
      )}
      <ActionError error={edit.error} />
    </div>
  );
}
