// API tokens for scripts: name one (optionally capped to a lower role), see it once and copy it, then the list shows
// when each was made and last used; revoking stops it at once.
import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n/index.ts";
import { formatRelative } from "../../lib/format.ts";
import { copyText } from "../../lib/identity.ts";
import { type ApiToken, atLeast, ROLE_ORDER, type Role, roleLabel, teamApi } from "../../lib/team-api.ts";
import { showToast } from "../../lib/toasts.ts";
import { FormError, Loading } from "../ui.tsx";

export function TokensCard(props: { myRole: Role }) {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => teamApi.tokens().then((b) => setTokens(b.tokens), setError);
  useEffect(() => void load(), []);
  const caps = ROLE_ORDER.filter((r) => atLeast(props.myRole, r));

  const create = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await teamApi.createToken({ name, role: role || undefined });
      setSecret(created.token);
      setName("");
      setRole("");
      await load();
    } catch (caught) {
      setError(caught);
    }
  };
  const revoke = async (token: ApiToken) => {
    setError(null);
    try {
      await teamApi.revokeToken(token.id);
      showToast({ text: t("tokens.revoked", { name: token.name }) });
      await load();
    } catch (caught) {
      setError(caught);
    }
  };
  const copy = async () => showToast({ text: (await copyText(secret!)) ? t("tokens.copied") : t("common.copyFailed") });

  return (
    <section class="card" aria-labelledby="tokens-title" data-testid="tokens">
      <h2 id="tokens-title">{t("tokens.title")}</h2>
      <p class="muted">{t("tokens.explain")}</p>
      <form class="row" onSubmit={create} noValidate>
        <label class="field grow">
          <span>{t("tokens.name")}</span>
          <input type="text" value={name} data-testid="token-name" onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field narrow">
          <span>{t("tokens.role")}</span>
          <select value={role} data-testid="token-role" onChange={(e) => setRole(e.currentTarget.value as Role | "")}>
            <option value="">{t("tokens.roleMine", { role: roleLabel(props.myRole) })}</option>
            {caps.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="align-end" data-testid="token-create">
          {t("tokens.create")}
        </button>
      </form>
      <FormError error={error} />
      {secret && (
        <div class="notice notice-success" role="status" data-testid="token-secret-box">
          <div class="notice-body">
            <p>{t("tokens.once")}</p>
            <div class="row">
              <label class="field grow">
                <span class="sr-only">{t("tokens.secret")}</span>
                <input
                  type="text"
                  readOnly
                  value={secret}
                  class="mono"
                  data-testid="token-secret"
                  onFocus={(e) => e.currentTarget.select()}
                />
              </label>
              <button type="button" class="button-secondary align-end" data-testid="token-copy" onClick={copy}>
                {t("common.copy")}
              </button>
            </div>
            <button type="button" class="button-ghost button-small" data-testid="token-secret-done" onClick={() => setSecret(null)}>
              {t("tokens.done")}
            </button>
          </div>
        </div>
      )}
      {tokens === null && !error && <Loading />}
      {tokens?.length === 0 && <p class="muted">{t("tokens.none")}</p>}
      <ul class="saved-list">
        {tokens?.map((token) => (
          <li key={token.id} data-testid="token" data-name={token.name}>
            <div>
              <strong>{token.name}</strong>
              <span class="muted small block">
                {t("tokens.meta", {
                  role: token.role ? roleLabel(token.role) : t("tokens.asYou"),
                  created: formatRelative(token.createdAt),
                  used: token.lastUsedAt ? formatRelative(token.lastUsedAt) : t("tokens.neverUsed"),
                })}
              </span>
            </div>
            <button type="button" class="button-danger-ghost button-small" data-testid="token-revoke" onClick={() => revoke(token)}>
              {t("tokens.revoke")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
