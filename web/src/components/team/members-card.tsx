// The workspace's members with their roles; admins change roles and remove people (owners only for owners), and the
// server's own message says why not (e.g. the last owner).
import { useState } from "preact/hooks";
import { t } from "../../i18n/index.ts";
import { formatRelative } from "../../lib/format.ts";
import { atLeast, type Member, ROLE_ORDER, type Role, roleLabel, teamApi } from "../../lib/team-api.ts";
import { showToast } from "../../lib/toasts.ts";
import { ConfirmDialog } from "../confirm-dialog.tsx";
import { FormError, Loading } from "../ui.tsx";

export function MembersCard(props: { members: Member[] | null; me: string; myRole: Role; onChanged: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const admin = atLeast(props.myRole, "admin");
  const canManage = (m: Member) => admin && m.userId !== props.me && (m.role !== "owner" || props.myRole === "owner");
  const roles = ROLE_ORDER.filter((r) => r !== "owner" || props.myRole === "owner");

  const change = async (member: Member, role: Role) => {
    setError(null);
    try {
      await teamApi.changeRole(member.userId, role);
      showToast({ text: t("team.roleChanged", { email: member.email, role: roleLabel(role) }) });
    } catch (caught) {
      setError(caught);
    }
    props.onChanged();
  };
  const remove = async () => {
    const member = removing!;
    setRemoving(null);
    setError(null);
    try {
      await teamApi.removeMember(member.userId);
      showToast({ text: t("team.removed", { email: member.email }) });
    } catch (caught) {
      setError(caught);
    }
    props.onChanged();
  };

  return (
    <section class="card" aria-labelledby="members-title" data-testid="members">
      <h2 id="members-title">{t("team.members")}</h2>
      <FormError error={error} />
      {props.members === null && <Loading />}
      <ul class="saved-list">
        {props.members?.map((m) => (
          <li key={m.userId} data-testid="member" data-email={m.email}>
            <div>
              <strong>{m.email}</strong>
              {m.userId === props.me && <span class="muted"> {t("team.you")}</span>}
              <span class="muted small block">{t("team.joined", { when: formatRelative(m.joinedAt) })}</span>
            </div>
            {canManage(m) ? (
              <div class="action-row">
                <label class="field-inline">
                  <span class="sr-only">{t("team.roleOf", { email: m.email })}</span>
                  <select value={m.role} data-testid="member-role" onChange={(e) => change(m, e.currentTarget.value as Role)}>
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {roleLabel(r)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" class="button-danger-ghost button-small" data-testid="member-remove" onClick={() => setRemoving(m)}>
                  {t("team.remove")}
                </button>
              </div>
            ) : (
              <span class="badge" data-testid="member-role-label">
                {roleLabel(m.role)}
              </span>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={t("team.removeTitle", { email: removing?.email ?? "" })}
        confirmLabel={t("team.remove")}
        danger
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      >
        <p>{t("team.removeExplain")}</p>
      </ConfirmDialog>
    </section>
  );
}
