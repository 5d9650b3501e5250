// "Posting as": the target account as TikTok reports it right now (nickname + avatar, §8.1a) or why it can't post.
import { messageOf } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import type { CreatorInfoState } from "../../lib/use-creator-info.ts";
import { Avatar } from "../ui.tsx";

export function CreatorCard({ creator }: { creator: CreatorInfoState }) {
  if (creator.loading) return <p class="muted small">{t("creator.checking")}</p>;
  if (creator.error) {
    return (
      <div class="notice notice-error" role="alert">
        <div class="notice-body">
          <p>{t("creator.failed", { reason: messageOf(creator.error) })}</p>
          <button type="button" class="button-secondary button-small" onClick={creator.reload}>
            {t("common.tryAgain")}
          </button>
        </div>
      </div>
    );
  }
  const info = creator.info;
  if (!info) return null;
  return (
    <>
      <div class="creator-card" data-testid="creator-info">
        <Avatar url={info.avatarUrl} name={info.nickname} size={44} />
        <div>
          <span class="muted small block">{t("creator.postingAs")}</span>
          <strong data-testid="creator-nickname">{info.nickname}</strong>
          {info.username && <span class="muted"> @{info.username}</span>}
        </div>
        <button type="button" class="link-button small" onClick={creator.reload}>
          {t("common.refresh")}
        </button>
      </div>
      {!info.canPost && (
        <div class="notice notice-error" role="alert" data-testid="cannot-post">
          <div class="notice-body">
            <strong>{t("creator.cannotPost")}</strong> {info.cannotPostReason ?? t("creator.limited")} {t("creator.tryLater")}
          </div>
        </div>
      )}
    </>
  );
}
