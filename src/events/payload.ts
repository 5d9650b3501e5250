// The body of an integration event, `{id, type, createdAt, data}`: `data.post` is the post as GET /api/posts/:id
// shows it, `data.account` the account as GET /api/accounts lists it, `data.video` the video as GET /api/videos/:id
// shows it, each read when the event is dispatched.
import { accountView, findAccount } from "../accounts/accounts.repo";
import { digestData } from "../alerts/digest";
import type { Database } from "../db/client";
import type { IntegrationEventRow } from "../db/schema";
import { postView } from "../posts/post-view";
import { findPost } from "../posts/posts.repo";
import { findSettings } from "../settings/settings.repo";
import { iso } from "../shared/http";
import { postStatsOf } from "../sync/sync-read.repo";
import { videoView } from "../videos/video-view";
import { findVideo } from "../videos/videos.repo";

export type EventBody = { id: string; type: string; createdAt: string; data: Record<string, unknown> };

export async function eventBody(db: Database, event: IntegrationEventRow): Promise<EventBody> {
  const data: Record<string, unknown> = {};
  if (event.postId) {
    const post = await findPost(db, event.workspaceId, event.postId);
    if (post) {
      const [account, stats] = await Promise.all([findAccount(db, event.workspaceId, post.accountId), postStatsOf(db, post.id)]);
      data.post = postView(post, account, stats);
    }
  }
  if (event.type === "workspace.digest") {
    const settings = await findSettings(db, event.workspaceId);
    data.digest = await digestData(db, event.workspaceId, settings?.timezone ?? null, event.createdAt);
  }
  if (event.videoId) {
    const video = await findVideo(db, event.workspaceId, event.videoId);
    if (video) data.video = videoView(video);
  }
  if (event.accountId && !event.postId) {
    const account = await findAccount(db, event.workspaceId, event.accountId);
    if (account) data.account = accountView(account);
  }
  return { id: event.id, type: event.type, createdAt: iso(event.createdAt)!, data };
}
