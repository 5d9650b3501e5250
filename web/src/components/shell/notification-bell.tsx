// The header's bell: the unread count as a badge, a link to the notification centre (/notifications). It keeps the
// tab's notification state fresh (web/src/lib/inbox.ts) for every screen.
import { t } from "../../i18n/index.ts";
import { useInbox } from "../../lib/inbox.ts";
import { onLinkClick } from "../../lib/router.ts";

export function NotificationBell({ path }: { path: string }) {
  const inbox = useInbox(true);
  const unread = inbox?.unread ?? 0;
  return (
    <a
      href="/notifications"
      class="button button-ghost button-small bell"
      data-testid="notification-bell"
      data-unread={unread}
      aria-label={unread > 0 ? t("inbox.bellUnread", { count: unread }) : t("inbox.bell")}
      aria-current={path === "/notifications" ? "page" : undefined}
      onClick={onLinkClick}
    >
      <span class="bell-icon" aria-hidden="true" />
      {unread > 0 && (
        <span class="bell-badge" aria-hidden="true" data-testid="notification-count">
          {unread > 99 ? t("inbox.many") : unread}
        </span>
      )}
    </a>
  );
}
