// profile: user/info with every field the granted scopes allow (profile, stats), the avatar copied into R2 when its
// picture is new, the day's stats row, and tracking of published posts not tracked yet (published before, elsewhere).
import { type AccountRow, findAccountById } from "../accounts/accounts.repo";
import { sha256Hex } from "../shared/crypto";
import type { UserProfile } from "../tiktok/display-client";
import { copyImage, imageSource } from "./image-copy";
import { trackUntracked } from "./post-stats.repo";
import { type ProfileUpdate, saveProfile } from "./sync.repo";
import { budgetedRead } from "./sync-calls";
import { type SyncContext, type SyncStep, scopesOf } from "./sync-context";
import { nextProfileSync } from "./sync-schedule";

export const profileStep: SyncStep = async (ctx) => {
  const account = await findAccountById(ctx.db, ctx.accountId);
  if (!account) return { reconnect: "The TikTok account was removed from Postflare." };
  const scopes = scopesOf(account);
  const read = await budgetedRead(ctx, "user_info", (token) => ctx.client.userProfile(token, scopes));
  if (!read.ok) return read.result;
  const now = ctx.clock.now();
  const user = read.value;
  const update: ProfileUpdate = {
    displayName: user.display_name,
    username: user.username,
    bioDescription: user.bio_description,
    profileDeepLink: user.profile_deep_link,
    isVerified: user.is_verified,
    avatar: (await copyAvatar(ctx, account, user)) ?? undefined,
    stats: statsOf(user),
    profileDueAt: nextProfileSync(now, ctx.config, ctx.random).dueAt,
  };
  await saveProfile(ctx.db, ctx.accountId, update, now);
  if (scopes.includes("video.list")) await trackUntracked(ctx.db, ctx.accountId, now, ctx.config);
  return { next: "creator" };
};

function statsOf(user: UserProfile): ProfileUpdate["stats"] {
  if (user.follower_count === undefined) return undefined;
  return {
    followers: user.follower_count,
    following: user.following_count ?? 0,
    likes: user.likes_count ?? 0,
    videos: user.video_count ?? 0,
  };
}

/** The avatar's copy, when its picture changed (a new URL path) or was never copied; null when unchanged or failed. */
async function copyAvatar(ctx: SyncContext, account: AccountRow, user: UserProfile) {
  const url = user.avatar_large_url || user.avatar_url;
  if (!url) return null;
  const source = imageSource(url);
  if (account.avatarKey && account.avatarSource === source) return null;
  // Under the workspace's prefix: deleting a workspace removes every object it owns in one sweep.
  const key = `${account.workspaceId}/images/avatars/${ctx.accountId}/${(await sha256Hex(source)).slice(0, 16)}`;
  return (await copyImage(ctx.images, url, key)) ? { key, source } : null;
}
