// Home, for a creator: what needs attention (with the fix one click away), the next posts, recent results, the
// connected accounts, and a setup checklist until the workspace is ready.
import { api, type Post } from "../api.ts";
import { AccountCard, CONNECT_URL } from "../components/account-card.tsx";
import { Thumb } from "../components/thumb.tsx";
import { FormError, Link, Loading, PageHead, StatusBadge } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { colourClass } from "../lib/account-colors.ts";
import { excerpt, formatRelative, formatShort, viewsAndLikes } from "../lib/format.ts";
import { postMetrics, postThumbnail } from "../lib/optional-fields.ts";
import { ATTENTION_STATUSES } from "../lib/post-queries.ts";
import { useAccounts } from "../lib/use-accounts.ts";
import { useLiveData } from "../lib/use-live-data.ts";
import { useWorkspaceZone } from "../lib/workspace.ts";

const DAY = 86_400_000;

async function loadHome() {
  const now = Date.now();
  const [next, attention, recent, any, slots] = await Promise.all([
    api.posts({ status: "scheduled,queued,publishing", from: new Date(now - 3_600_000).toISOString(), order: "asc", limit: 50 }),
    api.posts({ status: ATTENTION_STATUSES.join(","), from: new Date(now - 14 * DAY).toISOString(), order: "desc", limit: 20 }),
    api.posts({ status: "published,sent_to_inbox", order: "desc", limit: 5 }),
    api.posts({ limit: 1 }),
    api.slots(new Date(now).toISOString(), new Date(now + 14 * DAY).toISOString()),
  ]);
  return {
    next: next.posts,
    attention: attention.posts,
    recent: recent.posts,
    hasPosts: any.posts.length > 0,
    hasQueue: slots.slots.length > 0,
  };
}

export function HomePage() {
  const home = useLiveData(loadHome, []);
  const { accounts, byId, loaded, error } = useAccounts();
  const { chosen } = useWorkspaceZone();
  const data = home.data;
  const warned = data?.next.filter((p) => p.warning) ?? [];
  const reconnect = accounts.filter((a) => a.status !== "active");
  const attentionCount = (data?.attention.length ?? 0) + warned.length + reconnect.length;
  const steps = [
    { done: accounts.length > 0, label: t("home.step.connect"), href: CONNECT_URL, external: true },
    { done: chosen !== null, label: t("home.step.zone"), href: "/settings" },
    {
      done: data?.hasQueue ?? false,
      label: t("home.step.queue"),
      href: accounts[0] ? `/accounts/${encodeURIComponent(accounts[0].id)}` : "/accounts",
    },
    { done: data?.hasPosts ?? false, label: t("home.step.post"), href: "/posts/new" },
  ];
  const item = (post: Post, extra?: preact.ComponentChildren) => {
    const account = byId.get(post.accountId);
    const name = account?.username ? `@${account.username}` : (account?.displayName ?? t("post.unknownAccount"));
    return (
      <li key={post.id} class="mini-post" data-testid="home-post" data-post-id={post.id} data-status={post.status}>
        <Thumb url={postThumbnail(post)} label={account?.displayName ?? name} colour={colourClass(accounts, post.accountId)} />
        <div class="mini-main">
          <Link href={`/posts/${encodeURIComponent(post.id)}`}>
            <bdi>{post.caption ? excerpt(post.caption, 60) : t("post.noCaption")}</bdi>
          </Link>
          <span class="muted small block">
            {name} · {post.scheduledAt ? formatShort(post.scheduledAt, post.timezone) : t("post.noTime")}
          </span>
          {extra}
        </div>
        <StatusBadge status={post.status} />
      </li>
    );
  };
  return (
    <section class="home">
      <PageHead title={t("home.title")} sub={t("home.sub")} />
      {data && loaded && steps.some((s) => !s.done) && (
        <section class="card checklist" aria-labelledby="setup-title" data-testid="setup-checklist">
          <h2 id="setup-title">{t("home.setup")}</h2>
          <ol>
            {steps.map((step) => (
              <li key={step.label} class={step.done ? "done" : ""}>
                <span class="check" aria-hidden="true" />
                <span class="sr-only">{step.done ? t("home.done") : t("home.todo")}</span>
                {step.done ? (
                  <span>{step.label}</span>
                ) : step.external ? (
                  <a href={step.href}>{step.label}</a>
                ) : (
                  <Link href={step.href}>{step.label}</Link>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <FormError error={home.error ?? error} />
      {!data && <Loading />}
      {data && (
        <div class="home-grid">
          <section class="card" aria-labelledby="attention-title" data-testid="needs-attention">
            <h2 id="attention-title">{t("home.attention", { count: attentionCount })}</h2>
            {attentionCount === 0 ? (
              <p class="muted">{t("home.allGood")}</p>
            ) : (
              <ul class="mini-list">
                {reconnect.map((a) => (
                  <li key={a.id} class="mini-post" data-testid="attention-account">
                    <div class="mini-main">
                      <strong>{a.username ? `@${a.username}` : a.displayName}</strong>
                      <span class="small block">{a.statusReason ?? t("home.reconnectReason")}</span>
                    </div>
                    <a class="button button-small" href={CONNECT_URL}>
                      {t("accounts.reconnect")}
                    </a>
                  </li>
                ))}
                {data.attention.map((p) =>
                  item(
                    p,
                    <>
                      <span class="small block text-danger" data-testid="attention-reason">
                        {p.lastError?.message ?? t(`status.${p.status}`)}
                      </span>
                      <Link href={`/posts/${encodeURIComponent(p.id)}#fix`} class="button button-small fix-link" testId="attention-fix">
                        {p.status === "unconfirmed" ? t("actions.review") : t("home.fix")}
                      </Link>
                    </>,
                  ),
                )}
                {warned.map((p) =>
                  item(
                    p,
                    <>
                      <span class="small block text-warning">{p.warning}</span>
                      <Link href={`/posts/${encodeURIComponent(p.id)}#fix`} class="button button-small fix-link">
                        {t("home.fix")}
                      </Link>
                    </>,
                  ),
                )}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="next-title">
            <h2 id="next-title">{t("home.next")}</h2>
            {data.next.length === 0 ? (
              <p class="muted">
                {t("home.nothingNext")} <Link href="/posts/new">{t("list.composeOne")}</Link>
              </p>
            ) : (
              <ul class="mini-list">{data.next.slice(0, 5).map((p) => item(p))}</ul>
            )}
            <p>
              <Link href="/calendar">{t("home.openCalendar")}</Link>
            </p>
          </section>
          <section class="card" aria-labelledby="recent-title">
            <h2 id="recent-title">{t("home.recent")}</h2>
            {data.recent.length === 0 ? (
              <p class="muted">{t("home.noResults")}</p>
            ) : (
              <ul class="mini-list">
                {data.recent.map((p) => {
                  const m = postMetrics(p);
                  const text = m ? viewsAndLikes(m) : p.timing.completedAt ? formatRelative(p.timing.completedAt) : null;
                  return item(p, text ? <span class="muted small block">{text}</span> : undefined);
                })}
              </ul>
            )}
          </section>
        </div>
      )}
      <section class="home-accounts" aria-labelledby="accounts-title">
        <div class="section-head">
          <h2 id="accounts-title">{t("accounts.title")}</h2>
          <a class="button button-small" href={CONNECT_URL} data-testid="connect-tiktok">
            {t("accounts.connect")}
          </a>
        </div>
        {loaded && accounts.length === 0 && (
          <div class="card empty">
            <p>{t("accounts.none")}</p>
            <p class="muted">{t("accounts.noneHint")}</p>
          </div>
        )}
        {accounts.length > 0 && (
          <ul class="account-list">
            {accounts.map((a) => (
              <AccountCard key={a.id} account={a} accounts={accounts} />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
