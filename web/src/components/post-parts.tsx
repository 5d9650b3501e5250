// Pieces of a post shown in both the list and the detail page: status explanation, TikTok link, timing, cancel.
import { useState } from "preact/hooks";
import { api, messageOf, type Post } from "../api.ts";
import { CANCELLABLE, formatLateness } from "../lib/format.ts";

/** What the status means for the user (tiktok-api.md §8.5d, §9.8) plus the error or warning the API recorded. */
export function StatusNote({ post }: { post: Post }) {
  return (
    <>
      {post.status === "published" && (
        <p class="note">It may take a few minutes for TikTok to process it and show it on the profile.</p>
      )}
      {post.status === "sent_to_inbox" && (
        <p class="note">
          Sent to the TikTok inbox. Open the notification in the TikTok app to finish editing and post it.
        </p>
      )}
      {post.status === "unconfirmed" && (
        <p class="note text-warning">
          TikTok's outcome couldn't be confirmed. Check the TikTok profile before re-posting, so the video isn't
          published twice.
        </p>
      )}
      {post.status === "missed" && (
        <p class="note text-warning">
          Not sent: it couldn't start within {post.latePolicyMinutes} min of its scheduled time.
        </p>
      )}
      {post.status === "failed" && post.lastError && (
        <p class="note field-error" data-testid="post-error">
          {post.lastError.message} <code class="muted">{post.lastError.code}</code>
        </p>
      )}
      {post.warning && <p class="note text-warning" data-testid="post-warning">{post.warning}</p>}
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
        <a href={post.tiktokUrl} target="_blank" rel="noreferrer" data-testid="post-tiktok-id">{post.tiktokPostId}</a>
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
  return <span class="muted small" data-testid="post-lateness">{parts.join(" · ")}</span>;
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
