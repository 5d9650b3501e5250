// A connected TikTok account: who it is, its state (with what to do when it needs reconnecting), its numbers when
// the sync provides them (issue 11), and the way to its page and to a new post for it.
import type { Account } from "../api.ts";
import { t } from "../i18n/index.ts";
import { colourClass } from "../lib/account-colors.ts";
import { accountStatusLabel, formatChange, formatCount, formatInZone } from "../lib/format.ts";
import { accountStats } from "../lib/optional-fields.ts";
import { browserTimeZone } from "../lib/time.ts";
import { Avatar, Link } from "./ui.tsx";

/** Full-page navigation: the Worker redirects to TikTok's consent screen and back with ?connected / ?connect_error. */
export const CONNECT_URL = "/api/accounts/tiktok/connect";

export function AccountCard({ account, accounts }: { account: Account; accounts: Account[] }) {
  const stats = accountStats(account);
  const page = `/accounts/${encodeURIComponent(account.id)}`;
  return (
    <li class={`card account-item ${colourClass(accounts, account.id)}`} data-testid="account-item" data-account-id={account.id}>
      <Avatar url={account.avatarUrl} name={account.displayName} size={48} />
      <div class="account-main">
        <Link href={page} class="account-name">
          <bdi>{account.displayName}</bdi>
        </Link>
        <span class="muted">{account.username ? <bdi>@{account.username}</bdi> : t("accounts.noUsername")}</span>
        <small class="muted">{t("accounts.connectedOn", { when: formatInZone(account.connectedAt, browserTimeZone()) })}</small>
        {stats && (
          <small data-testid="account-followers">
            {t("accounts.followers", { count: stats.followers, followers: formatCount(stats.followers) })}
            {stats.followersChange7d !== null && (
              <span class="muted"> · {t("accounts.followersWeek", { change: formatChange(stats.followersChange7d) })}</span>
            )}
          </small>
        )}
        {account.status !== "active" && account.statusReason && (
          <small class="text-warning" data-testid="account-status-reason">
            {account.statusReason}
          </small>
        )}
      </div>
      <span class={`badge account-${account.status}`}>{accountStatusLabel(account.status)}</span>
      <div class="account-actions">
        {account.status === "active" ? (
          <Link href={`/posts/new?account=${encodeURIComponent(account.id)}`} class="button button-small">
            {t("accounts.schedule")}
          </Link>
        ) : (
          <a class="button button-small" href={CONNECT_URL}>
            {t("accounts.reconnect")}
          </a>
        )}
        <Link href={page} class="button-secondary button button-small">
          {t("accounts.open")}
        </Link>
      </div>
    </li>
  );
}
