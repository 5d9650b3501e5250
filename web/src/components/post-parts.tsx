// Pieces of a post shown in both the list and the detail page: status explanation, TikTok link, timing, cancel.
// The edit and retry decisions live in components/post-actions/.
import { useState } from "preact/hooks";
import { api, messageOf, type Post } from "../api.ts";
import { CANCELLABLE, formatLateness } from "../lib/format.ts";

/** What the status means for the user (tiktok-api.md §8.5d, §9.8) plus the error or warning the API recorded. */
export function StatusNote({ post }: { post: Post }) {
  const upcoming = post.status === "scheduled" || post.status === "queued";
  return (
    <>
      {post.status === "published" && <p class="note">It may take a few minutes for TikTok to process it and show it on the profile.</p>}
      {post.status === "sent_to_inbox" && (
        <p class="note">Sent to the TikTok inbox. Open the notification in the TikTok app to finish editing and post it.</p>
      )}
      {post.status === "unconfirmed" && (
        <p class="note text-warning" data-testid="post-decision-note">
          TikTok's outcome couldn't be confirmed: the video may or may not be on TikTok. Check the TikTok profile first; publish again only
          if it isn't there, or it will be posted twice.
        </p>
      )}
      {post.status === "missed" && (
        <p class="note text-warning" data-testid="post-decision-note">
          Not published: it could not start within {post.latePolicyMinutes} minutes of its time (late policy). Publish it now, pick a new
          time, or cancel it.
        </p>
      )}
      {post.status === "failed" && post.lastError && (
        <p class="note field-error" data-testid="post-error">
          {post.lastError.message} <code class="muted">{post.lastError.code}</code>
          <span class="block muted">Fix the cause, then publish it now or pick a new time.</span>
        </p>
      )}
      {/* Before the time, a pre-flight warning is something to fix now, so it stands out; afterwards it is history. */}
      {post.warning && upcoming && (
        <div class="notice notice-warning warning-callout" role="status" data-testid="post-warning">
          <strong>Fix before it posts:</strong> {post.warning}
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
      TikTok post{" "}
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

export function Lateness({ post }: { post: Post }) {
  const { startLatenessMs, liveLatenessMs } = post.timing;
  const parts: string[] = [];
  if (startLatenessMs !== null) parts.push(formatLateness("started", startLatenessMs));
  if (liveLatenessMs !== null) parts.push(formatLateness("live", liveLatenessMs));
  if (parts.length === 0) return null;
  return (
    <span class="muted small" data-testid="post-lateness">
      {parts.join(" · ")}
    </span>
  );
}

export function CancelButton({ post, onCancelled }: { post: Post; onCancelled: (post: Post) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!CANCELLABLE.includes(post.status)) return null;
  const cancel = async (event: Event) => {
    event.stopPropagation();
    setBusy(true);
    setError(null);
    try {
      onCancelled((await api.cancelPost(post.id)).post);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="cancel">
      <button type="button" class="button-danger button-small" disabled={busy} data-testid="post-cancel" onClick={cancel}>
        {busy ? "Cancelling…" : "Cancel"}
      </button>
      {error && <small class="field-error block">{error}</small>}
    </span>
  );
}
