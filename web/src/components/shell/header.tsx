// The header: one row at every width (brand, navigation, "New post"); below 760 px the navigation folds into a
// menu button. The theme switch and the account's menu live in the navigation.
import { useEffect, useState } from "preact/hooks";
import type { Session } from "../../api.ts";
import { type MessageKey, t } from "../../i18n/index.ts";
import { THEMES, type Theme, useTheme } from "../../lib/theme.ts";
import { Link } from "../ui.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { WorkspaceSwitcher } from "./workspace-switcher.tsx";

const NAV: { href: string; label: MessageKey; testId: string }[] = [
  { href: "/home", label: "nav.home", testId: "nav-home" },
  { href: "/calendar", label: "nav.calendar", testId: "nav-calendar" },
  { href: "/posts", label: "nav.posts", testId: "nav-posts" },
  { href: "/accounts", label: "nav.accounts", testId: "nav-accounts" },
  { href: "/media", label: "nav.media", testId: "nav-media" },
  { href: "/settings", label: "nav.settings", testId: "nav-settings" },
  { href: "/team", label: "nav.team", testId: "nav-team" },
];

const THEME_LABELS: Record<Theme, MessageKey> = { system: "theme.system", light: "theme.light", dark: "theme.dark" };

function isCurrent(href: string, path: string) {
  if (href === "/posts") return path === "/posts" || (path.startsWith("/posts/") && path !== "/posts/new");
  return path === href || path.startsWith(`${href}/`);
}

export function Header(props: { session: Session; path: string; onLogout: () => void }) {
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useTheme();
  useEffect(() => setOpen(false), [props.path]);
  const nextTheme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
  return (
    <header class="topbar">
      <Link href="/" class="brand">
        <span class="brand-mark" aria-hidden="true" />
        {t("app.name")}
      </Link>
      <nav id="main-nav" class={`nav ${open ? "nav-open" : ""}`} aria-label={t("nav.label")}>
        <ul class="nav-links">
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} class="nav-link" testId={item.testId} current={isCurrent(item.href, props.path)}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
        <div class="nav-utils">
          <button
            type="button"
            class="button-ghost button-small"
            data-testid="theme-toggle"
            aria-label={t("theme.switch", { theme: t(THEME_LABELS[theme]), next: t(THEME_LABELS[nextTheme]) })}
            onClick={() => setTheme(nextTheme)}
          >
            <span class={`theme-icon theme-icon-${theme}`} aria-hidden="true" />
            {t(THEME_LABELS[theme])}
          </button>
          <WorkspaceSwitcher session={props.session} path={props.path} />
          <Link href="/status" class="nav-link small" current={props.path === "/status"}>
            {t("nav.status")}
          </Link>
          <button type="button" class="button-ghost button-small" data-testid="logout" onClick={props.onLogout}>
            {t("nav.logout")}
          </button>
        </div>
      </nav>
      <NotificationBell path={props.path} />
      <Link href="/posts/new" class="button button-small new-post" testId="new-post">
        {t("nav.newPost")}
      </Link>
      <button
        type="button"
        class="button-ghost button-small menu-button"
        aria-expanded={open}
        aria-controls="main-nav"
        data-testid="menu-button"
        onClick={() => setOpen((o) => !o)}
      >
        <span class="menu-icon" aria-hidden="true" />
        {t("nav.menu")}
      </button>
    </header>
  );
}
