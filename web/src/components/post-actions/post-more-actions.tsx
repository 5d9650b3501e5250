// The detail page's other moves: duplicate any post as a draft, send one still to come back to the drafts; for a
// draft, edit and schedule it or discard it (after a confirmation).
import { useState } from "preact/hooks";
import { api, messageOf, type Post } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { CANCELLABLE } from "../../lib/format.ts";
import { navigate } from "../../lib/router.ts";
import { showToast } from "../../lib/toasts.ts";
import { ConfirmDialog } from "../confirm-dialog.tsx";
import { Link } from "../ui.tsx";

export function PostMoreActions({ post, onChange }: { post: Post; onChange: (post: Post) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const act = async (name: string, run: () => Promise<void>) => {
    setBusy(name);
    try {
      await run();
    } catch (caught) {
      showToast({ kind: "error", text: messageOf(caught) });
    } finally {
      setBusy(null);
    }
  };
  const duplicate = () =>
    act("duplicate", async () => {
      const { post: copy } = await api.duplicatePost(post.id);
      showToast({ text: t("more.duplicated") });
      navigate(`/posts/${encodeURIComponent(copy.id)}/edit`);
    });
  const toDrafts = () =>
    act("drafts", async () => {
      onChange((await api.unschedulePost(post.id)).post);
      showToast({ text: t("more.movedToDrafts") });
    });
  const discard = () =>
    act("discard", async () => {
      await api.discardDraft(post.id);
      showToast({ text: t("more.discarded") });
      navigate("/posts?tab=drafts");
    });
  const draft = post.status === "draft";
  return (
    <div class="action-row more-actions">
      {draft && (
        <Link href={`/posts/${encodeURIComponent(post.id)}/edit`} class="button button-small" testId="draft-edit">
          {t("drafts.editSchedule")}
        </Link>
      )}
      <button type="button" class="button-secondary button-small" disabled={busy !== null} data-testid="post-duplicate" onClick={duplicate}>
        {t("more.duplicate")}
      </button>
      {CANCELLABLE.includes(post.status) && (
        <button
          type="button"
          class="button-secondary button-small"
          disabled={busy !== null}
          data-testid="post-to-drafts"
          onClick={toDrafts}
        >
          {t("more.toDrafts")}
        </button>
      )}
      {draft && (
        <button type="button" class="button-danger-ghost button-small" data-testid="draft-discard" onClick={() => setDiscarding(true)}>
          {t("more.discard")}
        </button>
      )}
      <ConfirmDialog
        open={discarding}
        title={t("more.discardTitle")}
        confirmLabel={t("more.discard")}
        danger
        busy={busy === "discard"}
        onConfirm={discard}
        onClose={() => setDiscarding(false)}
      >
        <p>{t("more.discardExplain")}</p>
      </ConfirmDialog>
    </div>
  );
}
