// "Cancel": asks first, cancels, then offers "Undo" for 5 s (the API restores a post cancelled in the last minute).
import { useState } from "preact/hooks";
import { api, messageOf, type Post } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { CANCELLABLE } from "../../lib/format.ts";
import { showToast } from "../../lib/toasts.ts";
import { ConfirmDialog } from "../confirm-dialog.tsx";

export const UNDO_MS = 5_000;

export function CancelButton({ post, onChange }: { post: Post; onChange: (post: Post) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!CANCELLABLE.includes(post.status)) return null;

  const undo = async () => {
    try {
      onChange((await api.restorePost(post.id)).post);
      showToast({ text: t("cancel.restored") });
    } catch (caught) {
      showToast({ kind: "error", text: messageOf(caught) });
    }
  };
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange((await api.cancelPost(post.id)).post);
      setAsking(false);
      showToast({ text: t("cancel.done"), timeoutMs: UNDO_MS, action: { label: t("cancel.undo"), run: undo, testId: "undo-cancel" } });
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="cancel">
      <button
        type="button"
        class="button-danger-ghost button-small"
        data-testid="post-cancel"
        onClick={(event) => {
          event.stopPropagation();
          setAsking(true);
        }}
      >
        {t("cancel.button")}
      </button>
      {error && <small class="field-error block">{error}</small>}
      <ConfirmDialog
        open={asking}
        title={t("cancel.title")}
        confirmLabel={busy ? t("cancel.busy") : t("cancel.confirm")}
        danger
        busy={busy}
        onConfirm={cancel}
        onClose={() => setAsking(false)}
      >
        <p>{t("cancel.explain")}</p>
      </ConfirmDialog>
    </span>
  );
}
