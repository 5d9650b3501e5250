// Dashboard: connected TikTok accounts, the "Connect TikTok" entry point and scheduler health.
import { useEffect, useState } from "preact/hooks";
import { type Account, api } from "../api.ts";
import { HealthStrip } from "../components/health-strip.tsx";
import { Avatar, FormError, Link } from "../components/ui.tsx";
import { ACCOUNT_STATUS_LABELS, formatInZone } from "../lib/format.ts";
import { browserTimeZone } from "../lib/time.ts";

/** Full-page navigation: the Worker redirects to TikTok's consent screen and back with ?connected / ?connect_error. */
const CONNECT_URL = "/api/accounts/tiktok/connect";

export function DashboardPage() {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.accounts().then(
      (body) => setAccounts(body.accounts),
      (caught: unknown) => setError(caught),
    );
  }, []);

  return (
    <section>
      <HealthStrip />
      <div class="section-head">
        <h1>TikTok accounts</h1>
        <a class="button" href={CONNECT_URL} data-testid="connect-tiktok">
          Connect TikTok
        </a>
      </div>
      <FormError error={error} />
      {accounts === null && !error && <p class="muted">Loading accounts…</p>}
      {accounts?.length === 0 && (
        <div class="card empty">
          <p>No TikTok account connected yet.</p>
          <p class="muted">Connect one to start scheduling posts. You'll be sent to TikTok to approve access.</p>
        </div>
      )}
      {accounts && accounts.length > 0 && (
        <ul class="account-list">
          {accounts.map((account) => (
            <AccountItem key={account.id} account={account} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AccountItem({ account }: { account: Account }) {
  return (
    <li class="card account-item" data-testid="account-item" data-account-id={account.id}>
      <Avatar url={account.avatarUrl} name={account.displayName} size={48} />
      <div class="account-main">
        <strong>{account.displayName}</strong>
        <span class="muted">{account.username ? `@${account.username}` : "username not shared"}</span>
        <small class="muted">Connected {formatInZone(account.connectedAt, browserTimeZone())}</small>
        {account.status !== "active" && account.statusReason && (
          <small class="text-warning" data-testid="account-status-reason">
            {account.statusReason}
          </small>
        )}
      </div>
      <span class={`badge account-${account.status}`}>{ACCOUNT_STATUS_LABELS[account.status] ?? account.status}</span>
      <div class="account-actions">
        {account.status === "active" ? (
          <Link href={`/posts/new?account=${encodeURIComponent(account.id)}`} class="button button-small">
            Schedule a post
          </Link>
        ) : (
          <a class="button button-small" href={CONNECT_URL}>
            Reconnect
          </a>
        )}
      </div>
    </li>
  );
}
