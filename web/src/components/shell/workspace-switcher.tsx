// The header's workspace switcher: the workspaces this person is in (with their role), switching to one, and making
// a new one. A switch reloads the app so every screen, the live connection and the remembered zone start afresh.
import { useEffect, useState } from "preact/hooks";
import type { Session } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { roleLabel, teamApi, type WorkspaceSummary } from "../../lib/team-api.ts";
import { FormError, Link } from "../ui.tsx";

export function WorkspaceSwitcher({ session, path }: { session: Session; path: string }) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<WorkspaceSummary[] | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setOpen(false), [path]);
  useEffect(() => {
    if (open) teamApi.workspaces().then((b) => setList(b.workspaces), setError);
  }, [open]);

  const switchTo = async (workspaceId: string) => {
    setError(null);
    try {
      await teamApi.switchWorkspace(workspaceId);
      window.location.assign("/");
    } catch (caught) {
      setError(caught);
    }
  };
  const create = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await switchTo((await teamApi.createWorkspace(name)).id);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div class="switcher">
      <button
        type="button"
        class="button-ghost button-small switcher-button"
        aria-expanded={open}
        aria-controls="workspace-panel"
        data-testid="workspace-switcher"
        onClick={() => setOpen((o) => !o)}
      >
        <span class="sr-only">{t("switcher.current")}</span>
        <span class="switcher-name">{session.workspace.name}</span>
      </button>
      {open && (
        <div id="workspace-panel" class="switcher-panel card" data-testid="workspace-panel">
          <p class="muted small switcher-me">
            {t("security.sub", { email: session.user.email })}{" "}
            <Link href="/security" testId="nav-security">
              {t("nav.security")}
            </Link>
          </p>
          <ul class="switcher-list">
            {list?.map((w) => (
              <li key={w.id}>
                {w.current ? (
                  <span class="switcher-item switcher-current" aria-current="true" data-testid="workspace-option" data-name={w.name}>
                    <span>{w.name}</span>
                    <span class="muted small">{roleLabel(w.role)}</span>
                  </span>
                ) : (
                  <button
                    type="button"
                    class="button-ghost button-small switcher-item"
                    data-testid="workspace-option"
                    data-name={w.name}
                    onClick={() => switchTo(w.id)}
                  >
                    <span>{t("switcher.switchTo", { name: w.name })}</span>
                    <span class="muted small">{roleLabel(w.role)}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          <form class="switcher-new" onSubmit={create} noValidate>
            <label class="field">
              <span>{t("switcher.name")}</span>
              <input type="text" value={name} data-testid="workspace-new-name" onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <button type="submit" class="button-small" data-testid="workspace-create">
              {t("switcher.create")}
            </button>
          </form>
          <FormError error={error} />
        </div>
      )}
    </div>
  );
}
