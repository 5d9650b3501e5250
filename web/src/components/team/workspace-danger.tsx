// Leaving a workspace, and (owners) exporting or deleting it: each behind a confirmation. Afterwards the app reloads
// into whichever workspace the session moved to.
import { useState } from "preact/hooks";
import { t } from "../../i18n/index.ts";
import { EXPORT_URLS, type Role, teamApi } from "../../lib/team-api.ts";
import { ConfirmDialog } from "../confirm-dialog.tsx";
import { FormError } from "../ui.tsx";

const reload = () => window.location.assign("/");

export function WorkspaceDanger(props: { name: string; role: Role }) {
  const [leaving, setLeaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<unknown>(null);
  const owner = props.role === "owner";
  const act = async (call: () => Promise<void>) => {
    setError(null);
    try {
      await call();
      reload();
    } catch (caught) {
      setLeaving(false);
      setDeleting(false);
      setError(caught);
    }
  };
  return (
    <section class="card danger-zone" aria-labelledby="ws-danger-title" data-testid="workspace-danger">
      <h2 id="ws-danger-title">{t("danger.workspaceTitle")}</h2>
      <FormError error={error} />
      <div class="action-row">
        {owner && (
          <a
            class="button button-secondary"
            href={EXPORT_URLS.workspace}
            download="postflare-workspace.json"
            data-testid="workspace-export"
          >
            {t("danger.exportWorkspace")}
          </a>
        )}
        <button type="button" class="button-secondary" data-testid="workspace-leave" onClick={() => setLeaving(true)}>
          {t("danger.leave")}
        </button>
        {owner && (
          <button type="button" class="button-danger" data-testid="workspace-delete" onClick={() => setDeleting(true)}>
            {t("danger.deleteWorkspace")}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={leaving}
        title={t("danger.leaveTitle", { name: props.name })}
        confirmLabel={t("danger.leave")}
        danger
        onConfirm={() => act(teamApi.leave)}
        onClose={() => setLeaving(false)}
      >
        <p>{t("danger.leaveExplain")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting}
        title={t("danger.deleteWorkspaceTitle", { name: props.name })}
        confirmLabel={t("danger.deleteWorkspace")}
        danger
        onConfirm={() => act(() => teamApi.deleteWorkspace(confirm))}
        onClose={() => setDeleting(false)}
      >
        <p>{t("danger.deleteWorkspaceExplain")}</p>
        <label class="field">
          <span>{t("danger.typeName", { name: props.name })}</span>
          <input type="text" value={confirm} data-testid="workspace-delete-confirm" onInput={(e) => setConfirm(e.currentTarget.value)} />
        </label>
      </ConfirmDialog>
    </section>
  );
}
