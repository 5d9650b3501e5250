// Pieces of a post shown in both the list and the detail page: status explanation, TikTok link, timing.
// The edit and retry decisions live in components/post-actions/.
import type { Post } from "../api.ts";
import { t } from "../i18n/index.ts";
import { formatDuration } from "../lib/format.ts";

/** What the status means for the user (tiktok-api.md §8.5d, §9.8) plus the error or warning the API recorded. */
export function StatusNote({ post }: { post: Post }) {
  const upcoming = post.status === "scheduled" || post.status === "queued";
  return (
    <>
      {post.status === "published" && <p class="note">{t("post.note.published")}</p>}
      {post.status === "publishing" && <p class="note">{t("post.note.publishing")}</p>}
      {post.status === "sent_to_inbox" && <p class="note">{t("post.note.inbox")}</p>}
      {post.status === "draft" && <p class="note muted">{t("post.note.draft")}</p>}
      {post.status === "unconfirmed" && (
        <p class="note text-warning" data-testid="post-decision-note">
          {t("post.note.unconfirmed")}
        </p>
      )}
      {post.status === "missed" && (
        <p class="note text-warning" data-testid="post-decision-note">
          {t("post.note.missed", { minutes: post.latePolicyMinutes })}
        </p>
      )}
      {post.status === "failed" && post.lastError && (
        <div class="note note-error" data-testid="post-error">
          <p>
            <strong>{t("post.failedBecause")}</strong> {post.lastError.message}
          </p>
          <p class="muted small">{t("post.note.failedFix")}</p>
          <details class="tech">
            <summary>{t("post.technical")}</summary>
            <p class="small">
              {t("post.errorCode")} <code>{post.lastError.code}</code>
            </p>
          </details>
        </div>
      )}
      {/* Before the time, a pre-flight warning is something to fix now, so it stands out; afterwards it is history. */}
      {post.warning && upcoming && (
        <div class="notice notice-warning warning-callout" role="status" data-testid="post-warning">
          <div class="notice-body">
            <strong>{t("post.fixBefore")}</strong> {post.warning}
          </div>
        </div>
      )}
      {post.warning && !upcoming && (
        <p class="note text-warning" data-testid="post-warning">
          {post.warning}
        </p>
      )}
    </>
  );
}

export function TikTokId({ post }: { post: Post }) {
  if (!post.tiktokPostId) return null;
  // The test id sits on the element holding only the id, so its text is exactly the TikTok post id.
  return (
    <span class="small">
      {t("post.tiktokPost")}{" "}
      {post.tiktokUrl ? (
        <a href={post.tiktokUrl} target="_blank" rel="noreferrer" data-testid="post-tiktok-id">
          {post.tiktokPostId}
        </a>
      ) : (
        <code data-testid="post-tiktok-id">{post.tiktokPostId}</code>
      )}
    </span>
  );
}

/** "Sent to TikTok 0.02 sec after its time · Live 3.1 sec after its time". */
export function lateness(post: Post): string | null {
  const { startLatenessMs, liveLatenessMs } = post.timing;
  const parts: string[] = [];
  const words = (ms: number) => t(ms < 0 ? "time.before" : "time.after", { duration: formatDuration(ms) });
  if (startLatenessMs !== null) parts.push(t("post.sentAt", { when: words(startLatenessMs) }));
  if (liveLatenessMs !== null) parts.push(t("post.liveAt", { when: words(liveLatenessMs) }));
  return parts.length ? parts.join(" · ") : null;
}

export function Lateness({ post }: { post: Post }) {
  const text = lateness(post);
  if (!text) return null;
  return (
    <span class="muted small" data-testid="post-lateness">
      {text}
    </span>
  );
}
