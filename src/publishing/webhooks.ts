// Applies TikTok's post.publish.* and authorization.removed webhooks. Delivery is at-least-once and
// unordered: receipts are deduped by body hash (webhooks.repo.ts) and every move is a transition that only
// applies from the statuses it lists, so an older event never overwrites a final state.
import { z } from "zod";
import { accountsByOpenId } from "../accounts/accounts.repo";
import { disconnectAccount } from "../accounts/disconnect.service";
import type { Database } from "../db/client";
import type { PostRow } from "../db/schema";
import { type Columns, type TransitionName, transitionOne } from "../posts/post-transitions";
import { explain } from "../tiktok/errors";

export const WebhookBody = z.object({
  client_key: z.string(),
  event: z.string(),
  create_time: z.number(),
  user_openid: z.string().optional(),
  // `content` is a JSON string inside the JSON body (parse twice).
  content: z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "content is not JSON" });
      return z.NEVER;
    }
  }),
});
export type WebhookEvent = z.output<typeof WebhookBody>;

const PublishContent = z.object({
  publish_id: z.string(),
  post_id: z.union([z.string(), z.number()]).optional(),
  reason: z.string().optional(),
  publish_type: z.string().optional(),
});
type PublishContent = z.output<typeof PublishContent>;

type Applied = { postId: string; accountId: string } | null;
type Move = { name: TransitionName; set?: Columns; message: string };

const REMOVED = "Access was removed in TikTok. Reconnect the account.";

export async function applyWebhook(env: Env, db: Database, body: WebhookEvent, now: number): Promise<Applied> {
  if (body.event === "authorization.removed") {
    // TikTok already revoked the tokens: disconnect each account of this user, cancelling its waiting posts.
    for (const account of body.user_openid ? await accountsByOpenId(db, body.user_openid) : []) {
      await disconnectAccount(env, db, account, { revoke: false, reason: REMOVED }, now);
    }
    return null;
  }
  if (!body.event.startsWith("post.publish.")) return null;
  const content = PublishContent.safeParse(body.content);
  if (!content.success) return null;
  const move = moveFor(body.event, content.data, now);
  if (!move) return null;
  const row: PostRow | null = await transitionOne(
    db,
    move.name,
    { publishId: content.data.publish_id },
    { set: move.set, event: { type: `webhook:${body.event}`, message: move.message } },
    now,
  );
  return row ? { postId: row.id, accountId: row.accountId } : null;
}

function moveFor(event: string, content: PublishContent, now: number): Move | null {
  const postId = content.post_id === undefined ? null : String(content.post_id);
  switch (event) {
    case "post.publish.complete":
      return content.publish_type === "INBOX_SHARE"
        ? { name: "webhookInboxPosted", set: { completedAt: now }, message: "The creator posted the draft from the TikTok inbox" }
        : { name: "webhookPublished", set: { completedAt: now }, message: "TikTok confirmed the post is published" };
    case "post.publish.publicly_available":
      return postId
        ? {
            name: "webhookPublic",
            set: { tiktokPostId: postId, completedAt: now },
            message: `Publicly available on TikTok (post ${postId})`,
          }
        : null;
    case "post.publish.inbox_delivered":
      return { name: "webhookInboxDelivered", set: { completedAt: now }, message: "Delivered to the creator's TikTok inbox" };
    case "post.publish.failed": {
      const reason = content.reason ?? "unknown";
      // Only we cancel publishes (a stalled pull); the publisher confirms it and re-uploads: not a failure.
      if (reason === "publish_cancelled") return null;
      return { name: "webhookFailed", set: { lastErrorCode: reason, lastErrorMessage: explain(reason) }, message: explain(reason) };
    }
    default:
      return null;
  }
}
