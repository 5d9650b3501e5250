// The route table. "/" is the calendar once a workspace has posts, and the setup home before.
import { useEffect, useState } from "preact/hooks";
import { api } from "./api.ts";
import { Link, Loading } from "./components/ui.tsx";
import { t } from "./i18n/index.ts";
import { matchPath, navigate } from "./lib/router.ts";
import { AccountPage } from "./pages/account-page.tsx";
import { AccountsPage } from "./pages/accounts-page.tsx";
import { AuditPage } from "./pages/audit-page.tsx";
import { CalendarPage } from "./pages/calendar-page.tsx";
import { ComposerPage } from "./pages/composer-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { ImportPage } from "./pages/import-page.tsx";
import { IntegrationsPage } from "./pages/integrations-page.tsx";
import { InvitePage } from "./pages/invite-page.tsx";
import { MediaPage } from "./pages/media-page.tsx";
import { NotificationsPage } from "./pages/notifications-page.tsx";
import { PostDetailPage } from "./pages/post-detail-page.tsx";
import { PostsPage } from "./pages/posts-page.tsx";
import { SecurityPage } from "./pages/security-page.tsx";
import { SettingsPage } from "./pages/settings-page.tsx";
import { StatusPage } from "./pages/status-page.tsx";
import { TeamPage } from "./pages/team-page.tsx";

export function Routes({ path }: { path: string }) {
  if (path === "/login" || path === "/signup") return <Redirect to="/" />;
  if (path === "/") return <Landing />;
  if (path === "/home" || path === "/dashboard") return <HomePage />;
  if (path === "/calendar") return <CalendarPage />;
  if (path === "/posts") return <PostsPage />;
  if (path === "/posts/new") return <ComposerPage key="new" />;
  if (path === "/posts/import") return <ImportPage />; // before /posts/:id, which would take "import" for an id
  if (path === "/notifications") return <NotificationsPage />;
  if (path === "/accounts") return <AccountsPage />;
  if (path === "/media") return <MediaPage />;
  if (path === "/settings") return <SettingsPage />;
  if (path === "/status") return <StatusPage />;
  if (path === "/team") return <TeamPage />;
  if (path === "/invite") return <InvitePage />;
  if (path === "/security") return <SecurityPage />;
  if (path === "/audit") return <AuditPage />;
  if (path === "/integrations") return <IntegrationsPage />;
  const edit = matchPath("/posts/:id/edit", path);
  if (edit) return <ComposerPage key={edit.id} draftId={edit.id} />;
  const detail = matchPath("/posts/:id", path);
  if (detail) return <PostDetailPage key={detail.id} postId={detail.id} />;
  const account = matchPath("/accounts/:id", path);
  if (account) return <AccountPage key={account.id} accountId={account.id} />;
  return (
    <section>
      <h1>{t("notFound.title")}</h1>
      <p>
        <Link href="/">{t("notFound.back")}</Link>
      </p>
    </section>
  );
}

/** The calendar for a workspace with posts; the setup home for a new one. */
function Landing() {
  const [hasPosts, setHasPosts] = useState<boolean | null>(null);
  useEffect(() => {
    api.posts({ limit: 1 }).then(
      (body) => setHasPosts(body.posts.length > 0),
      () => setHasPosts(false),
    );
  }, []);
  if (hasPosts === null) return <Loading />;
  return hasPosts ? <CalendarPage /> : <HomePage />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
