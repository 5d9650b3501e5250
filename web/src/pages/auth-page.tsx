// Sign up / sign in with email + password; shows the API's own error messages, cleared as soon as a field changes.
import { useState } from "preact/hooks";
import { api, type Session } from "../api.ts";
import { FormError, Link } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";

export function AuthPage({ mode, onSignedIn }: { mode: "login" | "signup"; onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const prefix = mode; // test ids: login-email / signup-email, …
  const signup = mode === "signup";

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = signup ? await api.signup(email.trim(), password) : await api.login(email.trim(), password);
      onSignedIn(session);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <main class="auth-page" id="main">
      <div class="card auth-card">
        <p class="brand brand-large">
          <span class="brand-mark" aria-hidden="true" />
          {t("app.name")}
        </p>
        <h1>{signup ? t("auth.signupTitle") : t("auth.loginTitle")}</h1>
        <p class="muted">{t("auth.tagline")}</p>
        {/* noValidate: the API's messages are the ones we show, in one place (data-testid=form-error). */}
        <form onSubmit={submit} noValidate>
          <label class="field">
            <span>{t("field.email")}</span>
            <input
              type="email"
              autocomplete="email"
              value={email}
              onInput={(e) => {
                setEmail(e.currentTarget.value);
                setError(null);
              }}
              data-testid={`${prefix}-email`}
              required
            />
          </label>
          <label class="field">
            <span>{t("field.password")}</span>
            <input
              type="password"
              autocomplete={signup ? "new-password" : "current-password"}
              value={password}
              onInput={(e) => {
                setPassword(e.currentTarget.value);
                setError(null);
              }}
              data-testid={`${prefix}-password`}
              required
            />
            {signup && <small class="muted">{t("auth.passwordHint")}</small>}
          </label>
          <FormError error={error} />
          <button type="submit" class="button-block" disabled={busy} data-testid={`${prefix}-submit`}>
            {busy ? t("common.wait") : signup ? t("auth.signup") : t("auth.login")}
          </button>
        </form>
        <p class="auth-switch">
          {signup ? t("auth.haveAccount") : t("auth.newHere")}{" "}
          <Link href={signup ? "/login" : "/signup"} testId={signup ? "goto-login" : "goto-signup"}>
            {signup ? t("auth.login") : t("auth.createAccount")}
          </Link>
        </p>
      </div>
    </main>
  );
}
