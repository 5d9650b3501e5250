// Admins invite people by link: pick a role (and optionally the one email allowed to accept), copy the link shown
// once, and revoke invites still open.
import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n/index.ts";
import { formatRelative } from "../../lib/format.ts";
import { copyText } from "../../lib/identity.ts";
import { INVITE_ROLES, type Invite, type InviteRole, roleLabel, teamApi } from "../../lib/team-api.ts";
import { showToast } from "../../lib/toasts.ts";
import { FormError, Loading } from "../ui.tsx";

export function InvitesCard() {
  const [invites, setInvites] = useState<Invite[] | null>(null);
  const [role, setRole] = useState<InviteRole>("editor");
  const [email, setEmail] = useState("");
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => teamApi.invites().then((b) => setInvites(b.invites), setError);
  useEffect(() => void load(), []);

  const create = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await teamApi.createInvite({ role, email: email.trim() || undefined });
      setLink(created.url);
      setEmail("");
      await load();
    } catch (caught) {
      setError(caught);
    }
  };
  const revoke = async (invite: Invite) => {
    setError(null);
    try {
      await teamApi.revokeInvite(invite.id);
      showToast({ text: t("invites.revoked") });
      await load();
    } catch (caught) {
      setError(caught);
    }
  };
  const copy = async () => showToast({ text: (await copyText(link!)) ? t("invites.copied") : t("common.copyFailed") });

  return (
    <section class="card" aria-labelledby="invites-title" data-testid="invites">
      <h2 id="invites-title">{t("invites.title")}</h2>
      <p class="muted">{t("invites.explain")}</p>
      <form class="row" onSubmit={create} noValidate>
        <label class="field narrow">
          <span>{t("invites.role")}</span>
          <select value={role} data-testid="invite-role" onChange={(e) => setRole(e.currentTarget.value as InviteRole)}>
            {INVITE_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label class="field grow">
          <span>{t("invites.email")}</span>
          <input type="email" value={email} data-testid="invite-email" onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <button type="submit" class="align-end" data-testid="invite-create">
          {t("invites.create")}
        </button>
      </form>
      <FormError error={error} />
      {link && (
        <div class="notice notice-success" role="status" data-testid="invite-link-box">
          <div class="notice-body">
            <p>{t("invites.linkReady")}</p>
            <div class="row">
              <label class="field grow">
                <span class="sr-only">{t("invites.link")}</span>
                <input type="text" readOnly value={link} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
              </label>
              <button type="button" class="button-secondary align-end" data-testid="invite-copy" onClick={copy}>
                {t("common.copy")}
              </button>
            </div>
          </div>
        </div>
      )}
      {invites === null && !error && <Loading />}
      {invites?.length === 0 && <p class="muted">{t("invites.none")}</p>}
      <ul class="saved-list">
        {invites?.map((invite) => (
          <li key={invite.id} data-testid="invite">
            <div>
              <strong>{invite.email ?? t("invites.anyone")}</strong>
              <span class="muted small block">
                {t("invites.meta", { role: roleLabel(invite.role), when: formatRelative(invite.expiresAt) })}
              </span>
            </div>
            <button type="button" class="button-danger-ghost button-small" data-testid="invite-revoke" onClick={() => revoke(invite)}>
              {t("invites.revoke")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
