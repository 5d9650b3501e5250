// The invite link's screen: what workspace it joins, with which role and from whom; accepting joins it and moves
// this session there (the app reloads into it).
import { useEffect, useState } from "preact/hooks";
import { FormError, Loading } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { formatRelative } from "../lib/format.ts";
import { forgetInvite, inviteToken } from "../lib/pending-invite.ts";
import { navigate } from "../lib/router.ts";
import { type InvitePreview, roleLabel, teamApi } from "../lib/team-api.ts";

export function InvitePage() {
  const [token] = useState(inviteToken);
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (token) teamApi.previewInvite(token).then(setPreview, setError);
  }, [token]);

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await teamApi.acceptInvite(token!);
      forgetInvite();
      window.location.assign("/");
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const decline = () => {
    forgetInvite();
    navigate("/");
  };

  return (
    <section class="card auth-card invite-card" data-testid="invite-page">
      <h1>{t("invite.title")}</h1>
      {!token && <p>{t("invite.noToken")}</p>}
      {token && !preview && !error && <Loading />}
      <FormError error={error} />
      {preview && (
        <>
          <p data-testid="invite-preview">{t("invite.what", { name: preview.workspace.name, role: roleLabel(preview.role) })}</p>
          <p class="muted small">
            {preview.invitedBy ? t("invite.from", { email: preview.invitedBy }) : null}{" "}
            {t("invite.expires", { when: formatRelative(preview.expiresAt) })}
          </p>
          <div class="action-row">
            <button type="button" disabled={busy} data-testid="invite-accept" onClick={accept}>
              {busy ? t("common.wait") : t("invite.accept", { name: preview.workspace.name })}
            </button>
            <button type="button" class="button-secondary" data-testid="invite-decline" onClick={decline}>
              {t("invite.decline")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
