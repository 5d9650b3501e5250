// Posts list, refreshed every 2 s while the tab is visible; a click opens the post's timeline.
import { useEffect, useState } from "preact/hooks";
import { type Account, api, messageOf, type Post } from "../api.ts";
import { PostActions } from "../components/post-actions/post-actions.tsx";
import { Lateness, StatusNote, TikTokId } from "../components/post-parts.tsx";
import { Avatar, Link, Notice, StatusBadge } from "../components/ui.tsx";
import { excerpt, formatInZone, privacyLabel, zoneAbbreviation } from "../lib/format.ts";
import { navigate } from "../lib/router.ts";
import { usePolling } from "../lib/use-polling.ts";

export const POSTS_POLL_MS = 2_000;

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

export function PostsPage() {
  const [flash, setFlash] = useState(takeFlash);
  const [posts, setPosts] = useState<Post[] | null>(null);
  const [accounts, setAccounts] = useState<Map<string, Account>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    api.accounts().then(
      (body) => setAccounts(new Map(body.accounts.map((a) => [a.id, a]))),
      (caught: unknown) => console.warn("accounts unavailable for the posts list", caught),
    );
  }, []);

  usePolling(
    async () => {
      try {
        setPosts((await api.posts()).posts);
        setError(null);
      } catch (caught) {
        setError(messageOf(caught));
      }
    },
    POSTS_POLL_MS,
    true,
    reloads,
  );

  const replace = (updated: Post) => setPosts((list) => list?.map((p) => (p.id === updated.id ? updated : p)) ?? null);
  const sorted = posts ? [...posts].sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt)) : null;

  return (
    <section>
      <div class="section-head">
        <h1>Posts</h1>
        <Link href="/posts/new" class="button">
          New post
        </Link>
      </div>
      {flash && (
        <Notice kind={flash.warnings.length ? "warning" : "success"} onClose={() => setFlash(null)}>
          <p>Post scheduled.</p>
          {flash.warnings.length > 0 && (
            <ul data-testid="create-warnings">
              {flash.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      {error && <Notice kind="warning">Couldn't refresh posts ({error}). Retrying…</Notice>}
      {sorted === null && !error && <p class="muted">Loading posts…</p>}
      {sorted?.length === 0 && (
        <div class="card empty">
          <p>No posts yet.</p>
          <Link href="/posts/new">Schedule your first post</Link>
        </div>
      )}
      <ul class="post-list">
        {sorted?.map((post) => (
          <PostItem
            key={post.id}
            post={post}
            account={accounts.get(post.accountId)}
            onChange={replace}
            onReload={() => setReloads((n) => n + 1)}
          />
        ))}
      </ul>
    </section>
  );
}

interface PostItemProps {
  post: Post;
  account?: Account;
  onChange: (p: Post) => void;
  onReload: () => void;
}

function PostItem({ post, account, onChange, onReload }: PostItemProps) {
  const href = `/posts/${encodeURIComponent(post.id)}`;
  const open = (event: MouseEvent) => {
    // Clicks on the post's own links, buttons and inline forms keep their meaning.
    if ((event.target as HTMLElement).closest("a, button, form, label, input, select, textarea")) return;
    navigate(href);
  };
  return (
    // The whole card is a mouse shortcut to its "Details" link, which is what the keyboard reaches.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the card's "Details" link is the keyboard path to the same page
    <li class="card post-item" data-testid="post-item" data-post-id={post.id} data-status={post.status} onClick={open}>
      <div class="post-head">
        <Avatar url={account?.avatarUrl ?? null} name={account?.displayName ?? "?"} size={32} />
        <div class="post-main">
          <strong>{account ? account.displayName : "Unknown account"}</strong>
          {account?.username && <span class="muted"> @{account.username}</span>}
          <p class="caption-excerpt">{post.caption ? excerpt(post.caption) : <em class="muted">No caption</em>}</p>
        </div>
        <StatusBadge status={post.status} />
      </div>
      <div class="post-meta small">
        <span title={post.scheduledAt}>
          {formatInZone(post.scheduledAt, post.timezone)} {zoneAbbreviation(post.scheduledAt, post.timezone)}{" "}
          <span class="muted">({post.timezone})</span>
        </span>
        <span class="muted">{post.mode === "inbox" ? "Inbox draft" : privacyLabel(post.privacyLevel)}</span>
        <Lateness post={post} />
        <TikTokId post={post} />
      </div>
      <StatusNote post={post} />
      <PostActions post={post} compact onChange={onChange} onReload={onReload} />
      <div class="post-actions">
        <Link href={href} class="small">
          Details
        </Link>
      </div>
    </li>
  );
}
