// App shell: session gate, the live connection, header and navigation, and the route table.
import { useEffect, useState } from "preact/hooks";
import { ApiError, api, messageOf, type Session, setUnauthenticatedHandler } from "./api.ts";
import { Header } from "./components/shell/header.tsx";
import { SchedulerAlert } from "./components/shell/scheduler-alert.tsx";
import { Toaster } from "./components/toaster.tsx";
import { Notice } from "./components/ui.tsx";
import { t } from "./i18n/index.ts";
import { live } from "./lib/live.ts";
import { inviteToken } from "./lib/pending-invite.ts";
import { navigate, useLocation } from "./lib/router.ts";
import { loadWorkspaceSettings } from "./lib/workspace.ts";
import { AuthPage } from "./pages/auth-page.tsx";
import { Routes } from "./routes.tsx";

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
  if (errorCode !== null) return { kind: "error", text: t("connect.failed", { reason: message || errorCode }), path: url.pathname };
  return { kind: "success", text: t("connect.done"), path: url.pathname };
}

export function App() {
  const location = useLocation();
  const [auth, setAuth] = useState<AuthState>({ kind: "loading" });
  const [connectResult, setConnectResult] = useState(takeConnectResult);
  // An invite link opened while signed out: remembered now, accepted on /invite once signed in or up.
  const [hasInvite] = useState(() => inviteToken() !== null);

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

  const signedIn = auth.kind === "signed-in";
  useEffect(() => {
    if (!signedIn) return;
    live.start();
    void loadWorkspaceSettings();
    return () => live.stop();
  }, [signedIn]);

  if (auth.kind === "loading") return <main class="page centered muted">{t("common.loading")}</main>;
  if (auth.kind === "error") {
    return (
      <main class="page centered">
        <Notice kind="error">{auth.message}</Notice>
        <button type="button" onClick={loadSession}>
          {t("common.tryAgain")}
        </button>
      </main>
    );
  }
  if (auth.kind === "anonymous") {
    const onSignedIn = (session: Session) => {
      setAuth({ kind: "signed-in", session });
      if (hasInvite) navigate("/invite", { replace: true });
      else if (location.path === "/login" || location.path === "/signup") navigate("/", { replace: true });
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
      <a class="skip-link" href="#main">
        {t("shell.skip")}
      </a>
      <Header session={auth.session} path={location.path} onLogout={logout} />
      <main class="page" id="main" tabIndex={-1}>
        <SchedulerAlert />
        {connectResult?.path === location.path && (
          <Notice kind={connectResult.kind} onClose={() => setConnectResult(null)} testId="connect-result">
            {connectResult.text}
          </Notice>
        )}
        <Routes path={location.path} />
      </main>
      <Toaster />
    </>
  );
}
