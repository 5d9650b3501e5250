// A post on the calendar: account colour (and thumbnail when there is one), time, caption, status. A link to the
// post; posts still to come can be dragged, or moved with the keyboard (see use-calendar-move.ts).
import type { Account, Post } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { colourClass } from "../../lib/account-colors.ts";
import { excerpt, formatTime, statusLabel, UPCOMING } from "../../lib/format.ts";
import { postThumbnail } from "../../lib/optional-fields.ts";
import { onLinkClick } from "../../lib/router.ts";
import { Thumb } from "../thumb.tsx";
import type { ViewProps } from "./month-view.tsx";

interface Props {
  post: Post;
  accounts: Account[];
  zone: string;
  picked: boolean;
  onKey: (post: Post, key: string) => boolean;
  onDragStart: (post: Post) => void;
  onDragEnd: () => void;
}

export function PostChip({ post, accounts, zone, picked, onKey, onDragStart, onDragEnd }: Props) {
  const account = accounts.find((a) => a.id === post.accountId);
  const name = account?.username ? `@${account.username}` : (account?.displayName ?? t("post.unknownAccount"));
  const movable = UPCOMING.includes(post.status);
  const time = post.scheduledAt ? formatTime(post.scheduledAt, zone) : "";
  const caption = post.caption ? excerpt(post.caption, 40) : t("post.noCaption");
  return (
    <a
      href={`/posts/${encodeURIComponent(post.id)}`}
      class={`chip ${colourClass(accounts, post.accountId)} chip-${post.status} ${picked ? "chip-picked" : ""}`}
      data-testid="calendar-post"
      data-post-id={post.id}
      data-status={post.status}
      draggable={movable}
      aria-describedby={movable ? "move-help" : undefined}
      onClick={onLinkClick}
      onKeyDown={(e) => {
        if (movable && onKey(post, e.key)) e.preventDefault();
      }}
      onDragStart={(e) => {
        e.dataTransfer?.setData("text/plain", post.id);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
        onDragStart(post);
      }}
      onDragEnd={onDragEnd}
    >
      <Thumb url={postThumbnail(post)} label={account?.displayName ?? name} colour={colourClass(accounts, post.accountId)} />
      <span class="chip-time">{time}</span>
      <span class="chip-text" dir="auto">
        {caption}
      </span>
      <span class="sr-only">{t("calendar.chipContext", { name, status: statusLabel(post.status) })}</span>
      <span class={`chip-status status-dot status-${post.status}`} aria-hidden="true" />
    </a>
  );
}

/** What a calendar view hands each of its chips. */
type ChipView = Pick<ViewProps, "accounts" | "zone" | "moving" | "onKey" | "onDragStart" | "onDragEnd">;

/** A post's chip in a calendar view (picked while the keyboard moves it). */
export function ViewChip({ post, view }: { post: Post; view: ChipView }) {
  return (
    <PostChip
      post={post}
      accounts={view.accounts}
      zone={view.zone}
      picked={view.moving?.post.id === post.id}
      onKey={view.onKey}
      onDragStart={view.onDragStart}
      onDragEnd={view.onDragEnd}
    />
  );
}

/** A day's posts as a list of chips (the month grid and the phone's week agenda). */
export function DayPosts({ posts, view }: { posts: Post[]; view: ChipView }) {
  return (
    <ul class="day-posts">
      {posts.map((p) => (
        <li key={p.id}>
          <ViewChip post={p} view={view} />
        </li>
      ))}
    </ul>
  );
}
