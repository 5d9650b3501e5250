// One post: what it is, what happened to it in plain words (codes behind "Technical details"), and what can be done
// next (retry, reschedule, duplicate, back to drafts, cancel with undo). Live: changes arrive over the socket.
import { ApiError, api, messageOf, type Post, type PostEvent } from "../api.ts";
import { ApprovalActions } from "../components/post-actions/approval-actions.tsx";
import { PostActions } from "../components/post-actions/post-actions.tsx";
import { PostMoreActions } from "../components/post-actions/post-more-actions.tsx";
import { lateness, StatusNote, TikTokId } from "../components/post-parts.tsx";
import { FormError, Link, Loading, Notice, StatusBadge } from "../components/ui.tsx";
import { rich, t } from "../i18n/index.ts";
import { formatCount, formatInZone, formatLong, formatRelative, privacyLabel, zoneAbbreviation, zoneName } from "../lib/format.ts";
import { postMetrics } from "../lib/optional-fields.ts";
import { eventReason, eventTitle } from "../lib/timeline-words.ts";
import { useAccounts } from "../lib/use-accounts.ts";
import { useLiveData, withLiveStatuses } from "../lib/use-live-data.ts";

export function PostDetailPage({ postId }: { postId: string }) {
  const detail = useLiveData(
    () => api.post(postId),
    [postId],
    (m) => m.posts.some((p) => p.id === postId),
    (d, m) => ({ ...d, post: withLiveStatuses([d.post], m)[0]! }),
  );
  const { byId } = useAccounts();
  const gone = detail.error instanceof ApiError && detail.error.status === 404;

  if (!detail.data) {
    return (
      <section>
        <p>
          <Link href="/posts">{t("detail.back")}</Link>
        </p>
        {detail.error ? <FormError error={detail.error} /> : <Loading label={t("detail.loading")} />}
      </section>
    );
  }
  const { post, events } = detail.data;
  const account = byId.get(post.accountId);
  const zone = post.timezone;
  const metrics = postMetrics(post);
  const onChange = (updated: Post) => {
    detail.set({ post: updated, events });
    detail.reload();
  };
  return (
    <section class="post-detail" data-testid="post-detail" data-post-id={post.id} data-status={post.status}>
      <p>
        <Link href="/posts">{t("detail.back")}</Link>
      </p>
      <div class="page-head">
        <div>
          <h1>
            {account
              ? rich("detail.titleTo", { name: <bdi>{account.username ? `@${account.username}` : account.displayName}</bdi> })
              : t("detail.title")}
          </h1>
          <p class="muted">{post.scheduledAt ? formatLong(post.scheduledAt, zone) : t("post.noTime")}</p>
        </div>
        <StatusBadge status={post.status} />
      </div>
      {detail.error !== null && !gone && <Notice kind="warning">{t("detail.refreshFailed", { reason: messageOf(detail.error) })}</Notice>}
      <StatusNote post={post} />
      {post.status === "pending_approval" && <ApprovalActions post={post} onReload={detail.reload} />}
      <div id="fix">
        <PostActions post={post} onChange={onChange} onReload={detail.reload} />
      </div>
      <PostMoreActions post={post} onChange={onChange} />
      <div class="detail-grid">
        {/* biome-ignore lint/a11y/useMediaCaption: a creator's own upload has no caption track to offer */}
        <video
          class="detail-video"
          src={api.videoContentUrl(post.videoId)}
          controls
          preload="metadata"
          playsInline
          aria-label={t("detail.video")}
        />
        <dl class="facts">
          <dt>{t("detail.scheduled")}</dt>
          <dd>
            {post.scheduledAt ? (
              <>
                {formatInZone(post.scheduledAt, zone)} {zoneAbbreviation(post.scheduledAt, zone)}{" "}
                <span class="muted">({zoneName(zone)})</span>
              </>
            ) : (
              t("post.noTime")
            )}
          </dd>
          <dt>{t("detail.mode")}</dt>
          <dd>{post.mode === "inbox" ? t("post.inboxDraft") : t("composer.direct")}</dd>
          {post.mode === "direct" && (
            <>
              <dt>{t("composer.whoCanView")}</dt>
              <dd>{privacyLabel(post.privacyLevel)}</dd>
              <dt>{t("detail.interactions")}</dt>
              <dd>{interactions(post)}</dd>
              <dt>{t("detail.disclosure")}</dt>
              <dd>{disclosure(post)}</dd>
            </>
          )}
          <dt>{t("field.caption")}</dt>
          <dd class="caption-full" dir="auto">
            {post.caption || <em class="muted">{t("post.noCaption")}</em>}
          </dd>
          <dt>{t("detail.timing")}</dt>
          <dd data-testid="post-lateness">{lateness(post) ?? t("common.none")}</dd>
          {post.tiktokPostId && (
            <>
              <dt>{t("detail.tiktok")}</dt>
              <dd>
                <TikTokId post={post} />
              </dd>
            </>
          )}
          {metrics && (
            <>
              <dt>{t("detail.results")}</dt>
              <dd data-testid="post-metrics">
                {t("metrics.line", {
                  views: formatCount(metrics.views),
                  likes: formatCount(metrics.likes),
                  comments: formatCount(metrics.comments),
                  shares: formatCount(metrics.shares),
                })}
              </dd>
            </>
          )}
        </dl>
      </div>
      <h2>{t("detail.timeline")}</h2>
      {events.length === 0 ? <p class="muted">{t("detail.noEvents")}</p> : <Timeline events={events} post={post} />}
      {post.publishId && (
        <details class="tech">
          <summary>{t("post.technical")}</summary>
          <p class="small">
            {t("detail.publishId")} <code>{post.publishId}</code>
          </p>
        </details>
      )}
    </section>
  );
}

function interactions(post: Post): string {
  const allowed = [
    !post.disableComment && t("detail.comments"),
    !post.disableDuet && t("detail.duets"),
    !post.disableStitch && t("detail.stitches"),
  ].filter(Boolean);
  return allowed.length ? t("detail.allows", { list: allowed.join(", ") }) : t("detail.noInteractions");
}

function disclosure(post: Post): string {
  if (post.brandContent) return post.brandOrganic ? t("detail.bothDisclosure") : t("detail.brandedDisclosure");
  if (post.brandOrganic) return t("detail.brandDisclosure");
  return t("common.none");
}

function Timeline({ events, post }: { events: PostEvent[]; post: Post }) {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const lastSend = sorted.findLast((e) => e.type === "init_accepted")?.id;
  return (
    <ol class="timeline">
      {sorted.map((event) => {
        const reason = eventReason(event);
        return (
          <li key={event.id} data-testid="post-event" data-event-type={event.type}>
            <time dateTime={event.at} class="muted small" title={formatInZone(event.at, post.timezone)}>
              {formatRelative(event.at)}
            </time>
            <div>
              <p class="event-title">{eventTitle(event, post, event.id === lastSend)}</p>
              {reason && <p class="small">{reason}</p>}
              <details class="tech">
                <summary>{t("post.technical")}</summary>
                <p class="small">
                  <code class="event-type">{event.type}</code> · {formatInZone(event.at, post.timezone)} · {event.message}
                </p>
                {event.logId && (
                  <p class="small">
                    {t("detail.logId")} <code>{event.logId}</code>
                  </p>
                )}
                {event.data !== null && event.data !== undefined && <pre>{JSON.stringify(event.data, null, 2)}</pre>}
              </details>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
