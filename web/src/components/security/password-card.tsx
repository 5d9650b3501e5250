// Changing the password (the current one first); every other session ends, this one stays.
import { useState } from "preact/hooks";
import { t } from "../../i18n/index.ts";
import { teamApi } from "../../lib/team-api.ts";
import { showToast } from "../../lib/toasts.ts";
import { FormError } from "../ui.tsx";

export function PasswordCard(props: { onChanged: () => void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await teamApi.changePassword(current, next);
      setCurrent("");
      setNext("");
      showToast({ text: t("password.changed") });
      props.onChanged();
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  };
  return (
    <section class="card" aria-labelledby="password-title" data-testid="password">
      <h2 id="password-title">{t("password.title")}</h2>
      <p class="muted">{t("password.explain")}</p>
      <form onSubmit={submit} noValidate>
        <label class="field">
          <span>{t("password.current")}</span>
          <input
            type="password"
            autocomplete="current-password"
            value={current}
            data-testid="password-current"
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t("password.new")}</span>
          <input
            type="password"
            autocomplete="new-password"
            value={next}
            data-testid="password-new"
            onInput={(e) => setNext(e.currentTarget.value)}
          />
          <small class="muted">{t("auth.passwordHint")}</small>
        </label>
        <FormError error={error} />
        <button type="submit" disabled={busy} data-testid="password-save">
          {busy ? t("common.wait") : t("password.save")}
        </button>
      </form>
    </section>
  );
}
