// Exporting everything this person has, and deleting the account (password and the exact phrase). The server says
// which workspaces need a new owner first (`transfer_ownership`), shown as its message.
import { useState } from "preact/hooks";
import { t } from "../../i18n/index.ts";
import { EXPORT_URLS, teamApi } from "../../lib/team-api.ts";
import { ConfirmDialog } from "../confirm-dialog.tsx";
import { FormError } from "../ui.tsx";

export const DELETE_PHRASE = "delete my account";

export function AccountDanger() {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [phrase, setPhrase] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await teamApi.deleteAccount(password);
      window.location.assign("/signup");
    } catch (caught) {
      setBusy(false);
      setOpen(false);
      setError(caught);
    }
  };
  return (
    <section class="card danger-zone" aria-labelledby="account-danger-title" data-testid="account-danger">
      <h2 id="account-danger-title">{t("danger.accountTitle")}</h2>
      <p class="muted">{t("danger.accountExplain")}</p>
      <FormError error={error} />
      <div class="action-row">
        <a class="button button-secondary" href={EXPORT_URLS.account} download="postflare-account.json" data-testid="account-export">
          {t("danger.exportAccount")}
        </a>
        <button type="button" class="button-danger" data-testid="account-delete" onClick={() => setOpen(true)}>
          {t("danger.deleteAccount")}
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={t("danger.deleteAccountTitle")}
        confirmLabel={t("danger.deleteAccount")}
        danger
        busy={busy || phrase !== DELETE_PHRASE || !password}
        onConfirm={remove}
        onClose={() => setOpen(false)}
      >
        <p>{t("danger.deleteAccountExplain")}</p>
        <label class="field">
          <span>{t("field.password")}</span>
          <input type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t("danger.typePhrase", { phrase: DELETE_PHRASE })}</span>
          <input type="text" value={phrase} data-testid="account-delete-confirm" onInput={(e) => setPhrase(e.currentTarget.value)} />
        </label>
      </ConfirmDialog>
    </section>
  );
}
