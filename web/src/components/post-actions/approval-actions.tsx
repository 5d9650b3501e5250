// A post waiting for approval: admins approve it (it is scheduled) or reject it (cancelled, with an optional reason
// in its timeline); everyone else is told it waits.
import { useState } from "preact/hooks";
import type { Post } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { useIdentity } from "../../lib/identity.ts";
import { atLeast, teamApi } from "../../lib/team-api.ts";
import { showToast } from "../../lib/toasts.ts";
import { ConfirmDialog } from "../confirm-dialog.tsx";
import { FormError, Notice } from "../ui.tsx";

export function ApprovalActions(props: { post: Post; onReload: () => void }) {
  const { session } = useIdentity();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const admin = session !== null && atLeast(session.workspace.role, "admin");

  const decide = async (approve: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (approve) await teamApi.approve(props.post.id);
      else await teamApi.reject(props.post.id, reason.trim() || undefined);
      showToast({ text: approve ? t("approval.approved") : t("approval.rejected") });
      setRejecting(false);
      props.onReload();
    } catch (caught) {
      setRejecting(false);
      setError(caught);
    }
    setBusy(false);
  };

  return (
    <div class="card" data-testid="approval">
      <Notice kind="info">{t("approval.waiting")}</Notice>
      <FormError error={error} />
      {admin && (
        <div class="action-row">
          <button type="button" disabled={busy} data-testid="approve" onClick={() => decide(true)}>
            {t("approval.approve")}
          </button>
          <button type="button" class="button-danger-ghost" disabled={busy} data-testid="reject" onClick={() => setRejecting(true)}>
            {t("approval.reject")}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={rejecting}
        title={t("approval.rejectTitle")}
        confirmLabel={t("approval.reject")}
        danger
        busy={busy}
        onConfirm={() => decide(false)}
        onClose={() => setRejecting(false)}
      >
        <label class="field">
          <span>{t("approval.reason")}</span>
          <input type="text" maxLength={500} value={reason} data-testid="reject-reason" onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      </ConfirmDialog>
    </div>
  );
}
