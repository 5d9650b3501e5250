// One post in a list: account, thumbnail, caption, status, time, results; its quick actions; a click opens it.
import type { Account, Post } from "../api.ts";
import { t } from "../i18n/index.ts";
import { colourClass } from "../lib/account-colors.ts";
import { excerpt, formatInZone, privacyLabel, viewsAndLikes, zoneAbbreviation, zoneName } from "../lib/format.ts";
import { postMetrics, postThumbnail } from "../lib/optional-fields.ts";
import { navigate } from "../lib/router.ts";
import { PostActions } from "./post-actions/post-actions.tsx";
import { Lateness, StatusNote, TikTokId } from "./post-parts.tsx";
import { Thumb } from "./thumb.tsx";
import { Link, StatusBadge } from "./ui.tsx";

interface Props {
  post: Post;
  account?: Account;
  accounts: Account[];
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
  onChange: (p: Post) => void;
  onReload: () => void;
}

export function PostItem({ post, account, accounts, selected, onSelect, onChange, onReload }: Props) {
  const href = post.status === "draft" ? `/posts/${encodeURIComponent(post.id)}/edit` : `/posts/${encodeURIComponent(post.id)}`;
  const metrics = postMetrics(post);
  const name = account ? account.displayName : t("post.unknownAccount");
  const open = (event: MouseEvent) => {
    // Clicks on the post's own links, buttons, dialogs and inline forms keep their meaning.
    if ((event.target as HTMLElement).closest("a, button, form, label, input, select, textarea, dialog, details")) return;
    navigate(href);
  };
  return (
    // The whole card is a mouse shortcut to its "Details" link, which is what the keyboard reaches.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the card's "Details" link is the keyboard path to the same page
    <li
      class={`card post-item ${colourClass(accounts, post.accountId)}`}
      data-testid="post-item"
      data-post-id={post.id}
      data-status={post.status}
      onClick={open}
    >
      <div class="post-head">
        {onSelect && (
          <label class="select-box">
            <input type="checkbox" checked={selected} data-testid="post-select" onChange={(e) => onSelect(e.currentTarget.checked)} />
            <span class="sr-only">{t("list.select", { caption: excerpt(post.caption || t("post.noCaption"), 40) })}</span>
          </label>
        )}
        <Thumb url={postThumbnail(post)} label={name} colour={colourClass(accounts, post.accountId)} size="medium" />
        <div class="post-main">
          <p class="post-account">
            <strong>
              <bdi>{name}</bdi>
            </strong>
            {account?.username && (
              <span class="muted">
                {" "}
                <bdi>@{account.username}</bdi>
              </span>
            )}
          </p>
          <p class="caption-excerpt" dir="auto">
            {post.caption ? excerpt(post.caption) : <em class="muted">{t("post.noCaption")}</em>}
          </p>
        </div>
        <StatusBadge status={post.status} />
      </div>
      <div class="post-meta small">
        {post.scheduledAt ? (
          <span title={post.scheduledAt}>
            {formatInZone(post.scheduledAt, post.timezone)} {zoneAbbreviation(post.scheduledAt, post.timezone)}{" "}
            <span class="muted">({zoneName(post.timezone)})</span>
          </span>
        ) : (
          <span class="muted">{t("post.noTime")}</span>
        )}
        {(post.mode === "inbox" || post.privacyLevel) && (
          <span class="muted">{post.mode === "inbox" ? t("post.inboxDraft") : privacyLabel(post.privacyLevel)}</span>
        )}
        <Lateness post={post} />
        <TikTokId post={post} />
        {metrics && <span data-testid="post-views">{viewsAndLikes(metrics)}</span>}
      </div>
      <StatusNote post={post} />
      <div class="post-foot">
        <PostActions post={post} compact onChange={onChange} onReload={onReload} />
        <Link href={href} class="post-open" testId="post-open">
          {post.status === "draft" ? t("drafts.editSchedule") : t("common.details")}
        </Link>
      </div>
    </li>
  );
}
