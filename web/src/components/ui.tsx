// Small presentational pieces shared by the pages.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { issuesOf, type PostStatus } from "../api.ts";
import { STATUS_LABELS } from "../lib/format.ts";
import { onLinkClick } from "../lib/router.ts";

export function Link(props: { href: string; children: ComponentChildren; class?: string; testId?: string }) {
  return (
    <a href={props.href} class={props.class} data-testid={props.testId} onClick={onLinkClick}>
      {props.children}
    </a>
  );
}

export function StatusBadge({ status }: { status: PostStatus }) {
  return (
    <span class={`badge status-${status}`} data-testid="post-status" data-status={status}>
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}

/** An avatar image; TikTok avatar URLs expire after ~2 h, so a broken image falls back to an initial. */
export function Avatar({ url, name, size = 40 }: { url: string | null; name: string; size?: number }) {
  const [broken, setBroken] = useState(false);
  const style = { width: `${size}px`, height: `${size}px` };
  if (!url || broken) {
    return (
      <span class="avatar avatar-fallback" style={style} aria-hidden="true">
        {(name.trim()[0] ?? "?").toUpperCase()}
      </span>
    );
  }
  return <img class="avatar" style={style} src={url} alt="" referrerpolicy="no-referrer" onError={() => setBroken(true)} />;
}

/** The API's error message plus any validation issues it carried. */
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
              {issue.path && <code>{issue.path}</code>} {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice(props: { kind: "info" | "success" | "warning" | "error"; children: ComponentChildren; onClose?: () => void }) {
  return (
    <div
      class={`notice notice-${props.kind} ${props.onClose ? "notice-dismissible" : ""}`}
      role={props.kind === "error" ? "alert" : "status"}
    >
      {props.children}
      {props.onClose && (
        <button type="button" class="link-button notice-close" onClick={props.onClose} aria-label="Dismiss">
          ✕
        </button>
      )}
    </div>
  );
}
