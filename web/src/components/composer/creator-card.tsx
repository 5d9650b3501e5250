// "Posting as": the target account as TikTok reports it right now (nickname + avatar, §8.1a) or why it can't post.
import { messageOf } from "../../api.ts";
import type { CreatorInfoState } from "../../lib/use-creator-info.ts";
import { Avatar } from "../ui.tsx";

export function CreatorCard({ creator }: { creator: CreatorInfoState }) {
  if (creator.loading) return <p class="muted small">Checking the account's current TikTok settings…</p>;
  if (creator.error) {
    return (
      <div class="notice notice-error" role="alert">
        <p>Couldn't load this account's TikTok settings: {messageOf(creator.error)}</p>
        <button type="button" class="button-secondary button-small" onClick={creator.reload}>
          Try again
        </button>
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
          <span class="muted small block">Posting as</span>
          <strong data-testid="creator-nickname">{info.nickname}</strong>
          {info.username && <span class="muted"> @{info.username}</span>}
        </div>
        <button type="button" class="link-button small" onClick={creator.reload}>
          Refresh
        </button>
      </div>
      {!info.canPost && (
        <div class="notice notice-error" role="alert" data-testid="cannot-post">
          <p>
            <strong>This account can't post right now.</strong> {info.cannotPostReason ?? "TikTok is limiting posts from this account."}{" "}
            Please try again later.
          </p>
        </div>
      )}
    </>
  );
}
