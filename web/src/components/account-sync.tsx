// An account's sync (issue 11): when it last ran and runs next, what went wrong, which TikTok permissions it lacks
// (with the reconnect that grants them), and "Sync now" (at most once a minute; the server says when to retry).
import { useState } from "preact/hooks";
import { type Account, type AccountSync, api } from "../api.ts";
import { t } from "../i18n/index.ts";
import { formatRelative } from "../lib/format.ts";
import { CONNECT_URL } from "./account-card.tsx";
import { FormError, Notice } from "./ui.tsx";

/** When the next sync runs; one already due (the next tick takes it) is "soon", not "2 minutes ago". */
function nextSync(sync: AccountSync) {
  if (!sync.nextAt) return t("account.noNextSync");
  if (Date.parse(sync.nextAt) <= Date.now()) return t("account.nextSyncSoon");
  return t("account.nextSync", { next: formatRelative(sync.nextAt) });
}

export function AccountSyncPanel({ account }: { account: Account }) {
  const [sync, setSync] = useState<AccountSync>(account.sync);
  const [busy, setBusy] = useState(false);
  const [requested, setRequested] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const syncNow = async () => {
    setBusy(true);
    setError(null);
    try {
      setSync((await api.syncAccount(account.id)).sync);
      setRequested(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="account-sync" data-testid="account-sync">
      <p class="muted small">
        {sync.lastAt ? t("account.synced", { last: formatRelative(sync.lastAt) }) : t("account.notSynced")}
        {" · "}
        {nextSync(sync)}
        {sync.error && <span class="text-warning block">{sync.error}</span>}
      </p>
      {sync.missingScopes.length > 0 && (
        <Notice kind="info" testId="account-missing-scopes">
          {t("account.missingScopes")}{" "}
          <a class="button button-small" href={CONNECT_URL}>
            {t("accounts.reconnect")}
          </a>
        </Notice>
      )}
      {account.status === "active" && (
        <p>
          <button type="button" class="button-secondary button-small" onClick={syncNow} disabled={busy} data-testid="sync-now">
            {t("account.syncNow")}
          </button>{" "}
          {requested && <span role="status">{t("account.syncRequested")}</span>}
        </p>
      )}
      <FormError error={error} />
    </div>
  );
}
