// Media: the workspace's uploaded videos (GET /api/videos) with their thumbnail, the check's verdict and what TikTok
// would refuse, each ready one reusable in a new post.
import { api } from "../api.ts";
import { Thumb } from "../components/thumb.tsx";
import { FormError, Link, Loading, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { formatBytes, formatInZone } from "../lib/format.ts";
import { videoProblems, videoThumbnail } from "../lib/optional-fields.ts";
import { browserTimeZone } from "../lib/time.ts";
import { useLiveData } from "../lib/use-live-data.ts";

export function MediaPage() {
  const videos = useLiveData(
    () => api.videos(),
    [],
    () => false,
  );
  const list = videos.data?.videos ?? null;
  return (
    <section>
      <PageHead title={t("media.title")} sub={t("media.sub")}>
        <Link href="/posts/new" class="button">
          {t("media.upload")}
        </Link>
      </PageHead>
      <FormError error={videos.error} />
      {!list && !videos.error && <Loading />}
      {list?.length === 0 && (
        <div class="card empty">
          <p>{t("media.none")}</p>
          <Link href="/posts/new">{t("media.uploadOne")}</Link>
        </div>
      )}
      <ul class="media-grid">
        {list?.map((v) => {
          const problems = videoProblems(v);
          return (
            <li key={v.id} class="card media-item" data-testid="media-item">
              <Thumb url={videoThumbnail(v)} label={v.filename} colour="acc-c0" size="medium" />
              <div>
                <strong class="break">{v.filename}</strong>
                <span class="muted small block">
                  {formatBytes(v.size)} · {formatInZone(v.createdAt, browserTimeZone())}
                </span>
                <span class="small block">{t(`video.status.${v.status}`)}</span>
                {problems.map((p) => (
                  <span key={p.code} class="small block text-danger">
                    {p.message}
                  </span>
                ))}
              </div>
              {v.status === "ready" && (
                <Link href={`/posts/new?video=${encodeURIComponent(v.id)}`} class="button button-small">
                  {t("media.use")}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
