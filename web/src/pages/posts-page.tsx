// Posts: upcoming (with what needs attention on top), past and drafts apart; filters by account, status and dates;
// search in captions; bulk cancel and move. Kept live by the workspace's socket (polling only as its fallback).
import { useState } from "preact/hooks";
import { api, type Post } from "../api.ts";
import { BulkBar } from "../components/bulk-bar.tsx";
import { ListFiltersForm } from "../components/list-filters.tsx";
import { PostItem } from "../components/post-item.tsx";
import { Link, Loading, Notice, PageHead } from "../components/ui.tsx";
import { type MessageKey, t } from "../i18n/index.ts";
import { EDITABLE } from "../lib/format.ts";
import { useIdentity } from "../lib/identity.ts";
import { LIST_TABS, type ListFilters, type ListTab, tabQueries } from "../lib/post-queries.ts";
import { navigate, useLocation } from "../lib/router.ts";
import { atLeast } from "../lib/team-api.ts";
import { useAccounts } from "../lib/use-accounts.ts";
import { useLiveData, withLiveStatuses } from "../lib/use-live-data.ts";
import { useWorkspaceZone } from "../lib/workspace.ts";

/** Handed over by the composer through history state after a successful create. */
export interface PostsFlash {
  postId: string;
  warnings: string[];
}

function takeFlash(): PostsFlash | null {
  const state = window.history.state as { flash?: PostsFlash } | null;
  if (!state?.flash) return null;
  window.history.replaceState(null, "", window.location.href); // a reload shouldn't repeat the notice
  return state.flash;
}

const TAB_LABELS: Record<ListTab, MessageKey> = { upcoming: "list.upcoming", past: "list.past", drafts: "list.drafts" };

function readFilters(search: string): { tab: ListTab; filters: ListFilters } {
  const p = new URLSearchParams(search);
  const tab = LIST_TABS.find((x) => x === p.get("tab")) ?? "upcoming";
  return {
    tab,
    filters: {
      account: p.get("account") ?? "",
      status: p.get("status") ?? "",
      q: p.get("q") ?? "",
      from: p.get("from") ?? "",
      to: p.get("to") ?? "",
    },
  };
}

function hrefFor(tab: ListTab, filters: Partial<ListFilters>) {
  const p = new URLSearchParams();
  if (tab !== "upcoming") p.set("tab", tab);
  for (const [key, value] of Object.entries(filters)) if (value) p.set(key, value);
  const query = p.toString();
  return query ? `/posts?${query}` : "/posts";
}

export function PostsPage() {
  const location = useLocation();
  const { tab, filters } = readFilters(location.search);
  const { zone } = useWorkspaceZone();
  const [flash, setFlash] = useState(takeFlash);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { accounts, byId } = useAccounts();
  const { session } = useIdentity();
  const queries = tabQueries(tab, filters, zone);
  const list = useLiveData(
    async () => {
      const [main, attention] = await Promise.all([
        queries.main ? api.posts(queries.main) : { posts: [] },
        queries.attention ? api.posts(queries.attention) : { posts: [] },
      ]);
      return { main: main.posts, attention: attention.posts };
    },
    [tab, location.search, zone],
    () => true,
    (d, m) => ({ main: withLiveStatuses(d.main, m), attention: withLiveStatuses(d.attention, m) }),
  );

  const replace = (updated: Post) => {
    if (!list.data) return;
    const swap = (posts: Post[]) => posts.map((p) => (p.id === updated.id ? updated : p));
    list.set({ main: swap(list.data.main), attention: swap(list.data.attention) });
  };
  const setFilters = (next: Partial<ListFilters>) => navigate(hrefFor(tab, { ...filters, ...next }), { replace: true });
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const all = [...(list.data?.attention ?? []), ...(list.data?.main ?? [])];
  const selectable = tab === "upcoming" ? all.filter((p) => EDITABLE.includes(p.status)) : [];
  const item = (post: Post) => (
    <PostItem
      key={post.id}
      post={post}
      account={byId.get(post.accountId)}
      accounts={accounts}
      selected={selected.has(post.id)}
      onSelect={selectable.includes(post) ? (on) => toggle(post.id, on) : undefined}
      onChange={replace}
      onReload={list.reload}
    />
  );

  return (
    <section>
      <PageHead title={t("list.title")}>
        {session && atLeast(session.workspace.role, "editor") && (
          <Link href="/posts/import" class="button button-secondary" testId="import-csv">
            {t("csvImport.open")}
          </Link>
        )}
        <Link href="/posts/new" class="button">
          {t("nav.newPost")}
        </Link>
      </PageHead>
      {flash && flash.warnings.length > 0 && (
        <Notice kind="warning" onClose={() => setFlash(null)}>
          <p>{t("list.scheduledWithWarnings")}</p>
          <ul data-testid="create-warnings">
            {flash.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      )}
      <nav class="tabs" aria-label={t("list.views")}>
        {LIST_TABS.map((x) => (
          <Link key={x} href={hrefFor(x, { account: filters.account, q: filters.q })} class="tab" current={x === tab} testId={`tab-${x}`}>
            {t(TAB_LABELS[x])}
          </Link>
        ))}
      </nav>
      <ListFiltersForm tab={tab} filters={filters} accounts={accounts} onChange={setFilters} />
      {tab === "upcoming" && (
        <BulkBar
          selected={[...selected].filter((id) => selectable.some((p) => p.id === id))}
          all={selectable.map((p) => p.id)}
          onSelectAll={(on) => setSelected(on ? new Set(selectable.map((p) => p.id)) : new Set())}
          onDone={() => {
            setSelected(new Set());
            list.reload();
          }}
        />
      )}
      {list.error !== null && <Notice kind="warning">{t("list.refreshFailed")}</Notice>}
      {!list.data && list.error === null && <Loading label={t("list.loading")} />}
      {list.data && list.data.attention.length > 0 && (
        <section class="list-section" aria-labelledby="attention-title">
          <h2 id="attention-title">{t("list.needsAttention")}</h2>
          <ul class="post-list">{list.data.attention.map(item)}</ul>
        </section>
      )}
      {list.data && (
        <section class="list-section" aria-labelledby="list-title">
          <h2 id="list-title" class={tab === "upcoming" && list.data.attention.length === 0 ? "sr-only" : ""}>
            {t(TAB_LABELS[tab])}
          </h2>
          {list.data.main.length === 0 ? (
            <div class="card empty">
              <p>{t(tab === "drafts" ? "list.emptyDrafts" : tab === "past" ? "list.emptyPast" : "list.emptyUpcoming")}</p>
              {tab !== "past" && <Link href="/posts/new">{t("list.composeOne")}</Link>}
            </div>
          ) : (
            <ul class="post-list">{list.data.main.map(item)}</ul>
          )}
        </section>
      )}
    </section>
  );
}
