// The notification centre: the latest notifications (what happened, to which post, the one thing to do), unread ones
// marked; opening one marks it read and goes to its post or account in the app; "Mark all read".
import { useEffect } from "preact/hooks";
import type { AppNotification } from "../api.ts";
import { Link, Loading, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { formatLong, formatRelative } from "../lib/format.ts";
import { inAppPath, isUnread, markRead, refreshInbox, useInbox } from "../lib/inbox.ts";
import { onLinkClick } from "../lib/router.ts";
import { browserTimeZone } from "../lib/time.ts";

export function NotificationsPage() {
  const inbox = useInbox();
  useEffect(() => void refreshInbox(), []);
  const unread = inbox?.unread ?? 0;
  return (
    <section class="settings" data-testid="notifications-page">
      <PageHead title={t("inbox.title")} sub={inbox ? (unread > 0 ? t("inbox.sub", { count: unread }) : t("inbox.allRead")) : undefined}>
        <button
          type="button"
          class="button-secondary"
          data-testid="notifications-read-all"
          disabled={unread === 0}
          onClick={() => void markRead("all")}
        >
          {t("inbox.readAll")}
        </button>
        <Link href="/integrations" class="button button-secondary" testId="notifications-settings">
          {t("inbox.settings")}
        </Link>
      </PageHead>
      {inbox === null && <Loading />}
      {inbox?.notifications.length === 0 && <p class="card empty">{t("inbox.none")}</p>}
      {inbox && inbox.notifications.length > 0 && (
        <ol class="card inbox-list" data-testid="notification-list">
          {inbox.notifications.map((n) => (
            <NotificationItem key={n.id} notification={n} />
          ))}
        </ol>
      )}
    </section>
  );
}

function NotificationItem({ notification: n }: { notification: AppNotification }) {
  const path = inAppPath(n.link);
  const unread = isUnread(n);
  const open = (event: MouseEvent) => {
    if (unread) void markRead([n.id]);
    onLinkClick(event);
  };
  const title = (
    <>
      {unread && <span class="sr-only">{t("inbox.unread")} </span>}
      {n.title}
    </>
  );
  return (
    <li class={`inbox-item ${unread ? "inbox-unread" : ""}`} data-testid="notification" data-alert={n.alert} data-unread={unread}>
      <span class="inbox-dot" aria-hidden="true" />
      <div class="inbox-main">
        <h2 class="inbox-title">
          {path ? (
            <a href={path} data-testid="notification-open" onClick={open}>
              {title}
            </a>
          ) : (
            title
          )}
        </h2>
        <p class="inbox-body">{n.body}</p>
        <div class="inbox-meta">
          <time class="muted small" dateTime={n.createdAt} title={formatLong(n.createdAt, browserTimeZone())}>
            {formatRelative(n.createdAt)}
          </time>
          {unread && !path && (
            <button type="button" class="link-button small" data-testid="notification-read" onClick={() => void markRead([n.id])}>
              {t("inbox.markRead")}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
