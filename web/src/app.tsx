// App shell: session gate, navigation bar and the route table.
import { useEffect, useState } from "preact/hooks";
import { ApiError, api, messageOf, type Session, setUnauthenticatedHandler } from "./api.ts";
import { Link, Notice } from "./components/ui.tsx";
import { matchPath, navigate, useLocation } from "./lib/router.ts";
import { AuthPage } from "./pages/auth-page.tsx";
import { ComposerPage } from "./pages/composer-page.tsx";
import { DashboardPage } from "./pages/dashboard-page.tsx";
import { PostDetailPage } from "./pages/post-detail-page.tsx";
import { PostsPage } from "./pages/posts-page.tsx";

type AuthState = { kind: "loading" } | { kind: "anonymous" } | { kind: "signed-in"; session: Session } | { kind: "error"; message: string };

/** Shown on the page the OAuth flow returned to, until dismissed or the user navigates away. */
export interface ConnectResult {
  kind: "success" | "error";
  text: string;
  path: string;
}

/** The OAuth callback sends the browser back with ?connected=<id> or ?connect_error=<code>&message=<text>. */
function takeConnectResult(): ConnectResult | null {
  const url = new URL(window.location.href);
  const connected = url.searchParams.get("connected");
  const errorCode = url.searchParams.get("connect_error");
  if (connected === null && errorCode === null) return null;
  const message = url.searchParams.get("message");
  for (const key of ["connected", "connect_error", "message"]) url.searchParams.delete(key);
  window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  if (errorCode !== null) {
    const text = `Couldn't connect the TikTok account: ${message || errorCode} (${errorCode})`;
    return { kind: "error", text, path: url.pathname };
  }
  return { kind: "success", text: "TikTok account connected. You can schedule posts for it now.", path: url.pathname };
}

export function App() {
  const location = useLocation();
  const [auth, setAuth] = useState<AuthState>({ kind: "loading" });
  const [connectResult, setConnectResult] = useState(takeConnectResult);

  const loadSession = () => {
    setAuth({ kind: "loading" });
    api.me().then(
      (session) => setAuth({ kind: "signed-in", session }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setAuth({ kind: "anonymous" });
        else setAuth({ kind: "error", message: messageOf(error) });
      },
    );
  };

  useEffect(() => {
    setUnauthenticatedHandler(() => setAuth({ kind: "anonymous" }));
    loadSession();
    return () => setUnauthenticatedHandler(null);
  }, []);

  if (auth.kind === "loading") return <main class="page centered muted">Loading…</main>;
  if (auth.kind === "error") {
    return (
      <main class="page centered">
        <Notice kind="error">{auth.message}</Notice>
        <button type="button" onClick={loadSession}>
          Try again
        </button>
      </main>
    );
  }
  if (auth.kind === "anonymous") {
    const onSignedIn = (session: Session) => {
      setAuth({ kind: "signed-in", session });
      if (location.path === "/login" || location.path === "/signup") navigate("/", { replace: true });
    };
    const mode = location.path === "/signup" ? "signup" : "login";
    return <AuthPage key={mode} mode={mode} onSignedIn={onSignedIn} />;
  }

  const logout = async () => {
    try {
      await api.logout();
    } catch (error) {
      // The session may already be gone server-side; either way the user is signed out here.
      console.warn("logout failed", error);
    }
    setAuth({ kind: "anonymous" });
    navigate("/login", { replace: true });
  };

  return (
    <>
      <Header session={auth.session} path={location.path} onLogout={logout} />
      <main class="page">
        {connectResult?.path === location.path && (
          <Notice kind={connectResult.kind} onClose={() => setConnectResult(null)}>
            {connectResult.text}
          </Notice>
        )}
        <Routes path={location.path} />
      </main>
    </>
  );
}

function Routes({ path }: { path: string }) {
  if (path === "/login" || path === "/signup") return <Redirect to="/" />;
  if (path === "/" || path === "/dashboard") return <DashboardPage />;
  if (path === "/posts/new") return <ComposerPage />;
  if (path === "/posts") return <PostsPage />;
  const detail = matchPath("/posts/:id", path);
  if (detail) return <PostDetailPage key={detail.id} postId={detail.id} />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link href="/">Back to the dashboard</Link>
      </p>
    </section>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Header(props: { session: Session; path: string; onLogout: () => void }) {
  const active = (href: string) => (props.path === href ? "nav-link active" : "nav-link");
  return (
    <header class="topbar">
      <Link href="/" class="brand">
        Postflare
      </Link>
      <nav>
        <Link href="/" class={active("/")}>
          Dashboard
        </Link>
        <Link href="/posts" class={active("/posts")} testId="nav-posts">
          Posts
        </Link>
        <Link href="/posts/new" class={`${active("/posts/new")} button button-small`} testId="new-post">
          New post
        </Link>
      </nav>
      <div class="topbar-user">
        <span class="muted" title={props.session.workspace.name}>
          {props.session.user.email}
        </span>
        <button type="button" class="button-secondary button-small" data-testid="logout" onClick={props.onLogout}>
          Log out
        </button>
      </div>
    </header>
  );
}
