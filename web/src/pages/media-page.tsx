// Media: the workspace's uploaded videos (GET /api/videos), each with its thumbnail, facts, the check's verdict and
// what TikTok would refuse, how many posts use it; preview, reuse in a new post, delete.
import { api } from "../api.ts";
import { MediaItem } from "../components/media-item.tsx";
import { FormError, Link, Loading, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { useLiveData } from "../lib/use-live-data.ts";

export function MediaPage() {
  const videos = useLiveData(
    () => api.videos(),
    [],
    () => false,
  );
  const list = videos.data?.videos ?? null;
  const onDeleted = (id: string) => list && videos.set({ videos: list.filter((v) => v.id !== id) });
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
        {list?.map((v) => (
          <MediaItem key={v.id} video={v} onDeleted={onDeleted} />
        ))}
      </ul>
    </section>
  );
}
