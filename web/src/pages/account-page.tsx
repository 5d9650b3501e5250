// One TikTok account: who it is (profile, numbers and sync when the sync provides them), its posting schedule
// (queue slots in its own time zone), and what is coming up for it.
import { api, type Post } from "../api.ts";
import { CONNECT_URL } from "../components/account-card.tsx";
import { AccountSyncPanel } from "../components/account-sync.tsx";
import { QueueEditor } from "../components/queue-editor.tsx";
import { Avatar, FormError, Link, Loading, Notice, PageHead, StatusBadge } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { accountStatusLabel, excerpt, formatChange, formatCount, formatShort } from "../lib/format.ts";
import { accountProfile, accountStats } from "../lib/optional-fields.ts";
import { useAccounts } from "../lib/use-accounts.ts";
import { useLiveData } from "../lib/use-live-data.ts";

export function AccountPage({ accountId }: { accountId: string }) {
  const { accounts, loaded, error } = useAccounts();
  const upcoming = useLiveData(
    () => api.posts({ account: accountId, status: "scheduled,queued,publishing", from: new Date().toISOString(), order: "asc", limit: 10 }),
    [accountId],
    (m) => m.posts.some((p) => p.accountId === accountId),
  );
  const account = accounts.find((a) => a.id === accountId);
  if (!loaded) return <Loading />;
  if (!account) {
    return (
      <section>
        <FormError error={error} />
        <h1>{t("account.notFound")}</h1>
        <Link href="/accounts">{t("account.back")}</Link>
      </section>
    );
  }
  const profile = accountProfile(account);
  const stats = accountStats(account);
  return (
    <section class="account-page" data-testid="account-page">
      <p>
        <Link href="/accounts">{t("account.back")}</Link>
      </p>
      <div class="profile card">
        <Avatar url={account.avatarUrl} name={account.displayName} size={72} />
        <div class="profile-main">
          <PageHead title={account.displayName} sub={account.username ? `@${account.username}` : t("accounts.noUsername")} />
          {profile.bioDescription && <p>{profile.bioDescription}</p>}
          {profile.profileDeepLink && (
            <a href={profile.profileDeepLink} target="_blank" rel="noreferrer">
              {t("account.openOnTikTok")}
            </a>
          )}
          <p>
            <span class={`badge account-${account.status}`}>{accountStatusLabel(account.status)}</span>
          </p>
          {stats && (
            <dl class="stats" data-testid="account-stats">
              <div>
                <dt>{t("account.followers")}</dt>
                <dd>
                  {formatCount(stats.followers)}
                  {stats.followersChange7d !== null && (
                    <span class="muted small block" data-testid="followers-change">
                      {t("account.followersChange", {
                        week: formatChange(stats.followersChange7d),
                        month: stats.followersChange30d === null ? t("common.none") : formatChange(stats.followersChange30d),
                      })}
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t("account.following")}</dt>
                <dd>{formatCount(stats.following)}</dd>
              </div>
              <div>
                <dt>{t("account.likes")}</dt>
                <dd>{formatCount(stats.likes)}</dd>
              </div>
              <div>
                <dt>{t("account.videos")}</dt>
                <dd>{formatCount(stats.videos)}</dd>
              </div>
            </dl>
          )}
          <AccountSyncPanel account={account} />
        </div>
      </div>
      {account.status !== "active" && (
        <Notice kind="warning">
          {account.statusReason ?? t("home.reconnectReason")}{" "}
          <a class="button button-small" href={CONNECT_URL}>
            {t("accounts.reconnect")}
          </a>
        </Notice>
      )}
      <QueueEditor accountId={account.id} />
      <section class="card" aria-labelledby="upcoming-title">
        <div class="section-head">
          <h2 id="upcoming-title">{t("account.upcoming")}</h2>
          {account.status === "active" && (
            <Link href={`/posts/new?account=${encodeURIComponent(account.id)}`} class="button button-small">
              {t("accounts.schedule")}
            </Link>
          )}
        </div>
        {!upcoming.data && <Loading />}
        {upcoming.data?.posts.length === 0 && <p class="muted">{t("home.nothingNext")}</p>}
        <ul class="mini-list">
          {upcoming.data?.posts.map((p: Post) => (
            <li key={p.id} class="mini-post">
              <div class="mini-main">
                <Link href={`/posts/${encodeURIComponent(p.id)}`}>{p.caption ? excerpt(p.caption, 60) : t("post.noCaption")}</Link>
                <span class="muted small block">{p.scheduledAt ? formatShort(p.scheduledAt, p.timezone) : ""}</span>
              </div>
              <StatusBadge status={p.status} />
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
