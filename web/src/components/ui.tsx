// Small presentational pieces shared by the pages.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { issuesOf, type PostStatus } from "../api.ts";
import { t } from "../i18n/index.ts";
import { fieldLabel } from "../lib/field-labels.ts";
import { statusLabel } from "../lib/format.ts";
import { onLinkClick } from "../lib/router.ts";

export function Link(props: {
  href: string;
  children: ComponentChildren;
  class?: string;
  testId?: string;
  current?: boolean;
  tabIndex?: number;
}) {
  return (
    <a
      href={props.href}
      class={props.class}
      tabIndex={props.tabIndex}
      data-testid={props.testId}
      aria-current={props.current ? "page" : undefined}
      onClick={onLinkClick}
    >
      {props.children}
    </a>
  );
}

export function StatusBadge({ status }: { status: PostStatus }) {
  return (
    <span class={`badge status-${status}`} data-testid="post-status" data-status={status}>
      {statusLabel(status)}
    </span>
  );
}

/**
 * Images the app's CSP (web/public/_headers, img-src) lets in: our own copies (the sync's avatars and covers) and
 * TikTok's CDN. Anything else (an emulator's http address in development) would be blocked: the initial shows.
 */
function allowedImage(url: string) {
  let at: URL;
  try {
    at = new URL(url, location.href);
  } catch {
    return false;
  }
  if (at.origin === location.origin || at.protocol === "blob:" || at.protocol === "data:") return true;
  return at.protocol === "https:" && /\.tiktokcdn(-us|-eu)?\.com$/.test(at.hostname);
}

/** An avatar image; TikTok avatar URLs expire after ~2 h, so a broken image falls back to an initial. */
export function Avatar({ url, name, size = 40 }: { url: string | null; name: string; size?: number }) {
  const [broken, setBroken] = useState(false);
  const style = { width: `${size}px`, height: `${size}px` };
  if (!url || broken || !allowedImage(url)) {
    return (
      <span class="avatar avatar-fallback" style={style} aria-hidden="true">
        {(name.trim()[0] ?? "?").toUpperCase()}
      </span>
    );
  }
  return <img class="avatar" style={style} src={url} alt="" referrerpolicy="no-referrer" onError={() => setBroken(true)} />;
}

/** The API's error message plus any validation issues it carried, each under the field's name in words. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = issuesOf(error);
  return (
    <div class="notice notice-error" role="alert" data-testid="form-error">
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.path && <strong>{fieldLabel(issue.path)}: </strong>}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice(props: {
  kind: "info" | "success" | "warning" | "error";
  children: ComponentChildren;
  onClose?: () => void;
  testId?: string;
}) {
  return (
    <div
      class={`notice notice-${props.kind} ${props.onClose ? "notice-dismissible" : ""}`}
      role={props.kind === "error" ? "alert" : "status"}
      data-testid={props.testId}
    >
      <div class="notice-body">{props.children}</div>
      {props.onClose && (
        <button type="button" class="icon-button notice-close" onClick={props.onClose} aria-label={t("common.dismiss")}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}

/** A page's title row: the heading and its main actions. */
export function PageHead(props: { title: ComponentChildren; children?: ComponentChildren; sub?: ComponentChildren }) {
  return (
    <div class="page-head">
      <div>
        <h1>{props.title}</h1>
        {props.sub && <p class="muted">{props.sub}</p>}
      </div>
      {props.children && <div class="page-actions">{props.children}</div>}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  return (
    <p class="muted loading" role="status">
      {label ?? t("common.loading")}
    </p>
  );
}

/** A real switch (role="switch") built on a checkbox, so forms, tests and assistive tech all read its state. */
export function Switch(props: {
  label: ComponentChildren;
  hint?: ComponentChildren;
  checked: boolean;
  disabled?: boolean;
  testId?: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label class={`switch-row ${props.disabled ? "is-disabled" : ""}`}>
      <input
        type="checkbox"
        role="switch"
        class="switch-input"
        checked={props.checked}
        aria-checked={props.checked}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span class="switch-track" aria-hidden="true" />
      <span class="switch-text">
        <span class="switch-label">{props.label}</span>
        {props.hint && <small class="muted block">{props.hint}</small>}
      </span>
    </label>
  );
}
