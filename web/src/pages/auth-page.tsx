// Sign up / sign in with email + password; shows the API's own error messages.
import { useState } from "preact/hooks";
import { api, type Session } from "../api.ts";
import { FormError, Link } from "../components/ui.tsx";

export function AuthPage({ mode, onSignedIn }: { mode: "login" | "signup"; onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const prefix = mode; // test ids: login-email / signup-email, …

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = mode === "signup" ? await api.signup(email.trim(), password) : await api.login(email.trim(), password);
      onSignedIn(session);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <main class="page auth-page">
      <div class="card auth-card">
        <p class="brand brand-large">Postflare</p>
        <h1>{mode === "signup" ? "Create your account" : "Sign in"}</h1>
        <p class="muted">Schedule TikTok posts to the second.</p>
        {/* noValidate: the API's messages are the ones we show, in one place (data-testid=form-error). */}
        <form onSubmit={submit} noValidate>
          <label class="field">
            <span>Email</span>
            <input
              type="email"
              autocomplete="email"
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
              data-testid={`${prefix}-email`}
              required
            />
          </label>
          <label class="field">
            <span>Password</span>
            <input
              type="password"
              autocomplete={mode === "signup" ? "new-password" : "current-password"}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
              data-testid={`${prefix}-password`}
              required
            />
            {mode === "signup" && <small class="muted">At least 8 characters.</small>}
          </label>
          <FormError error={error} />
          <button type="submit" class="button-block" disabled={busy} data-testid={`${prefix}-submit`}>
            {busy ? "Please wait…" : mode === "signup" ? "Sign up" : "Sign in"}
          </button>
        </form>
        <p class="auth-switch">
          {mode === "signup" ? (
            <>
              Already have an account?{" "}
              <Link href="/login" testId="goto-login">
                Sign in
              </Link>
            </>
          ) : (
            <>
              New to Postflare?{" "}
              <Link href="/signup" testId="goto-signup">
                Create an account
              </Link>
            </>
          )}
        </p>
      </div>
    </main>
  );
}
