// How the control API shows a user: its profile flags plus the privacy options creator_info would offer.
import type { Emulator } from "../core/emulator.ts";
import type { User } from "../core/types.ts";

export function publicUser(emu: Emulator, u: User) {
  return {
    open_id: u.openId,
    union_id: u.unionId,
    username: u.username,
    nickname: u.nickname,
    isPrivate: u.isPrivate,
    commentDisabled: u.commentDisabled,
    duetDisabled: u.duetDisabled,
    stitchDisabled: u.stitchDisabled,
    maxVideoPostDurationSec: u.maxVideoPostDurationSec,
    cannotPost: u.cannotPost,
    bio: u.bio,
    isVerified: u.isVerified,
    avatarVersion: u.avatarVersion,
    follower_count: u.followerCount,
    following_count: u.followingCount,
    likes_count: u.likesCount,
    privacy_level_options: emu.privacyOptions(u),
  };
}
