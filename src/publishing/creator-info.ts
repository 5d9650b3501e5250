// Creator info for the composer, in the shape the API serves (audit rule: fresh every time the form is shown,
// tiktok-api.md §8.1), with "cannot post now" and reconnect problems explained instead of thrown.
import type { z } from "@hono/zod-openapi";
import type { CreatorInfo as CreatorInfoSchema } from "../accounts/accounts.schemas";
import type { CreatorInfo } from "../tiktok/client";
import { explain, TikTokError } from "../tiktok/errors";
import { ReconnectRequired } from "./token-manager";

/** Exactly the API's CreatorInfo schema: the Durable Object returns what GET /accounts/{id}/creator-info serves. */
export type CreatorInfoView = z.infer<typeof CreatorInfoSchema>;

const BLANK = {
  nickname: "",
  username: "",
  avatarUrl: null,
  privacyLevelOptions: [],
  commentDisabled: true,
  duetDisabled: true,
  stitchDisabled: true,
  maxVideoPostDurationSec: 0,
};

export async function creatorInfoView(read: () => Promise<CreatorInfo>): Promise<CreatorInfoView> {
  try {
    const info = await read();
    return {
      nickname: info.creator_nickname,
      username: info.creator_username,
      avatarUrl: info.creator_avatar_url || null,
      privacyLevelOptions: info.privacy_level_options,
      commentDisabled: info.comment_disabled,
      duetDisabled: info.duet_disabled,
      stitchDisabled: info.stitch_disabled,
      maxVideoPostDurationSec: info.max_video_post_duration_sec,
      canPost: true,
      cannotPostReason: null,
    };
  } catch (error) {
    if (error instanceof ReconnectRequired) return { ...BLANK, canPost: false, cannotPostReason: error.message };
    if (error instanceof TikTokError) {
      const told = error.action === "user" || error.action === "reconnect";
      return {
        ...BLANK,
        canPost: false,
        cannotPostReason: told ? explain(error.code, error.message) : "TikTok is not answering right now; try again in a minute.",
      };
    }
    throw error;
  }
}
