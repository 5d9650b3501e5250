// Accounts: every connected TikTok account with its state and a way to its page (posting schedule, profile).
import { AccountCard, CONNECT_URL } from "../components/account-card.tsx";
import { FormError, Loading, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { useAccounts } from "../lib/use-accounts.ts";

export function AccountsPage() {
  const { accounts, loaded, error } = useAccounts();
  return (
    <section>
      <PageHead title={t("accounts.title")} sub={t("accounts.sub")}>
        <a class="button" href={CONNECT_URL}>
          {t("accounts.connect")}
        </a>
      </PageHead>
      <FormError error={error} />
      {!loaded && <Loading />}
      {loaded && accounts.length === 0 && (
        <div class="card empty">
          <p>{t("accounts.none")}</p>
          <p class="muted">{t("accounts.noneHint")}</p>
        </div>
      )}
      <ul class="account-list">
        {accounts.map((a) => (
          <AccountCard key={a.id} account={a} accounts={accounts} />
        ))}
      </ul>
    </section>
  );
}
