// One post: its settings, the uploaded video, live status and the event timeline from GET /api/posts/:id.
import { useState } from "preact/hooks";
import { ApiError, api, messageOf, type Post, type PostEvent } from "../api.ts";
import { PostActions } from "../components/post-actions/post-actions.tsx";
import { Lateness, StatusNote, TikTokId } from "../components/post-parts.tsx";
import { FormError, Link, Notice, StatusBadge } from "../components/ui.tsx";
import { formatInZone, privacyLabel, TERMINAL, zoneAbbreviation } from "../lib/format.ts";
import { usePolling } from "../lib/use-polling.ts";
import { POSTS_POLL_MS } from "./posts-page.tsx";

const FINISHED_POLL_MS = 10_000;

export function PostDetailPage({ postId }: { postId: string }) {
  const [data, setData] = useState<{ post: Post; events: PostEvent[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  const finished = data !== null && TERMINAL.includes(data.post.status);

  // Fast while the post is in flight; slower once final, since TikTok's post id can arrive after moderation
  // (tiktok-api.md §9.9). A 404 stops polling for good.
  const gone = error instanceof ApiError && error.status === 404;
  usePolling(
    async () => {
      try {
        setData(await api.post(postId));
        setError(null);
      } catch (caught) {
        setError(caught);
      }
    },
    finished ? FINISHED_POLL_MS : POSTS_POLL_MS,
    !gone,
    reloads, // bumped after an action: fetch at once (new status and timeline events)
  );

  if (!data) {
    return (
      <section>
        <p>
          <Link href="/posts">← All posts</Link>
        </p>
        {error ? <FormError error={error} /> : <p class="muted">Loading post…</p>}
      </section>
    );
  }
  const { post, events } = data;
  const zone = post.timezone;
  return (
    <section class="post-detail" data-testid="post-detail" data-post-id={post.id} data-status={post.status}>
      <p>
        <Link href="/posts">← All posts</Link>
      </p>
      <div class="section-head">
        <h1>Post</h1>
        <StatusBadge status={post.status} />
      </div>
      {error && <Notice kind="warning">Couldn't refresh ({messageOf(error)}). Retrying…</Notice>}
      <StatusNote post={post} />
      <PostActions
        post={post}
        onChange={(updated) => {
          setData({ post: updated, events });
          setReloads((n) => n + 1);
        }}
        onReload={() => setReloads((n) => n + 1)}
      />
      <div class="detail-grid">
        {/* biome-ignore lint/a11y/useMediaCaption: a creator's own upload has no caption track to offer */}
        <video class="detail-video" src={api.videoContentUrl(post.videoId)} controls preload="metadata" playsInline />
        <dl class="facts">
          <dt>Scheduled</dt>
          <dd>
            {formatInZone(post.scheduledAt, zone)} {zoneAbbreviation(post.scheduledAt, zone)} <span class="muted">({zone})</span>
          </dd>
          <dt>Mode</dt>
          <dd>{post.mode === "inbox" ? "TikTok inbox draft" : "Direct post"}</dd>
          {post.mode === "direct" && (
            <>
              <dt>Who can view</dt>
              <dd>{privacyLabel(post.privacyLevel)}</dd>
              <dt>Interactions</dt>
              <dd>{interactions(post)}</dd>
              <dt>Disclosure</dt>
              <dd>{disclosure(post)}</dd>
            </>
          )}
          <dt>Caption</dt>
          <dd class="caption-full">{post.caption || <em class="muted">No caption</em>}</dd>
          <dt>Timing</dt>
          <dd>
            <Lateness post={post} />
            {post.timing.startLatenessMs === null && post.timing.liveLatenessMs === null && "—"}
          </dd>
          {post.tiktokPostId && (
            <>
              <dt>TikTok</dt>
              <dd>
                <TikTokId post={post} />
              </dd>
            </>
          )}
          {post.publishId && (
            <>
              <dt>Publish id</dt>
              <dd>
                <code>{post.publishId}</code>
              </dd>
            </>
          )}
        </dl>
      </div>
      <h2>Timeline</h2>
      {events.length === 0 ? <p class="muted">No events yet.</p> : <Timeline events={events} zone={zone} />}
    </section>
  );
}

function interactions(post: Post): string {
  const allowed = [!post.disableComment && "comments", !post.disableDuet && "duets", !post.disableStitch && "stitches"];
  const list = allowed.filter(Boolean).join(", ");
  return list ? `Allows ${list}` : "No comments, duets or stitches";
}

function disclosure(post: Post): string {
  if (post.brandContent)
    return post.brandOrganic ? "Your brand + branded content (Paid partnership)" : "Branded content (Paid partnership)";
  if (post.brandOrganic) return "Your brand (Promotional content)";
  return "None";
}

function Timeline({ events, zone }: { events: PostEvent[]; zone: string }) {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol class="timeline">
      {sorted.map((event) => (
        <li key={event.id} data-testid="post-event" data-event-type={event.type}>
          <time dateTime={event.at} class="muted small">
            {formatInZone(event.at, zone)}
          </time>
          <div>
            <code class="event-type">{event.type}</code> {event.message}
            {event.logId && (
              <small class="muted block">
                TikTok log id: <code>{event.logId}</code>
              </small>
            )}
            {event.data !== null && event.data !== undefined && (
              <details>
                <summary class="small muted">Data</summary>
                <pre>{JSON.stringify(event.data, null, 2)}</pre>
              </details>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
