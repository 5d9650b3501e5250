// Team: who is in this workspace and with which role, invites by link (admins), whether posts need an admin's
// approval, the audit log's door (admins), and leaving or deleting the workspace.
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.ts";
import { InvitesCard } from "../components/team/invites-card.tsx";
import { MembersCard } from "../components/team/members-card.tsx";
import { WorkspaceDanger } from "../components/team/workspace-danger.tsx";
import { FormError, Link, Loading, PageHead, Switch } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { atLeast, type Member, roleLabel, teamApi, type WorkspaceInfo } from "../lib/team-api.ts";
import { showToast } from "../lib/toasts.ts";

export function TeamPage() {
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [me, setMe] = useState("");
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    Promise.all([teamApi.workspace(), teamApi.members(), api.me()]).then(([w, m, session]) => {
      setWorkspace(w.workspace);
      setMembers(m.members);
      setMe(session.user.id);
    }, setError);
  useEffect(() => void load(), []);

  if (!workspace) return error ? <FormError error={error} /> : <Loading />;
  const admin = atLeast(workspace.role, "admin");
  return (
    <section class="settings" data-testid="team-page">
      <PageHead title={t("team.title")} sub={t("team.sub", { name: workspace.name, role: roleLabel(workspace.role) })}>
        {admin && (
          <Link href="/audit" class="button button-secondary" testId="goto-audit">
            {t("audit.title")}
          </Link>
        )}
      </PageHead>
      <FormError error={error} />
      <MembersCard members={members} me={me} myRole={workspace.role} onChanged={load} />
      {admin && <InvitesCard />}
      {admin && <ApprovalSetting workspace={workspace} onSaved={setWorkspace} />}
      <WorkspaceDanger name={workspace.name} role={workspace.role} />
    </section>
  );
}

function ApprovalSetting(props: { workspace: WorkspaceInfo; onSaved: (w: WorkspaceInfo) => void }) {
  const [error, setError] = useState<unknown>(null);
  const save = async (requireApproval: boolean) => {
    setError(null);
    try {
      props.onSaved((await teamApi.patchWorkspace({ requireApproval })).workspace);
      showToast({ text: requireApproval ? t("team.approvalOn") : t("team.approvalOff") });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section class="card" aria-labelledby="approval-title">
      <h2 id="approval-title">{t("team.approvalTitle")}</h2>
      <Switch
        label={t("team.approvalLabel")}
        hint={t("team.approvalHint")}
        checked={props.workspace.requireApproval}
        testId="require-approval"
        onChange={save}
      />
      <FormError error={error} />
    </section>
  );
}
