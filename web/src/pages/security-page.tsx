// Security: where you are signed in, your password, your API tokens, and exporting or deleting your account.

import { useState } from "preact/hooks";
import { AccountDanger } from "../components/security/account-danger.tsx";
import { PasswordCard } from "../components/security/password-card.tsx";
import { SessionsCard } from "../components/security/sessions-card.tsx";
import { TokensCard } from "../components/security/tokens-card.tsx";
import { FormError, Loading, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { useIdentity } from "../lib/identity.ts";

export function SecurityPage() {
  const { session, error } = useIdentity();
  // Changing the password ends the other sessions: the list is drawn afresh.
  const [round, setRound] = useState(0);
  if (!session) return error ? <FormError error={error} /> : <Loading />;
  return (
    <section class="settings" data-testid="security-page">
      <PageHead title={t("security.title")} sub={t("security.sub", { email: session.user.email })} />
      <SessionsCard key={round} />
      <PasswordCard onChanged={() => setRound((n) => n + 1)} />
      <TokensCard myRole={session.workspace.role} />
      <AccountDanger />
    </section>
  );
}
