// Applies TikTok's post.publish.* and authorization.removed webhooks. Delivery is at-least-once and
// unordered: receipts are deduped by body hash and every write is conditional on the current status,
// so an older event never overwrites a final state.
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { posts, tiktokAccounts, webhookReceipts } from "../db/schema";
import { recordEvent } from "../posts/post-events";
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

const PublishContent = z.object({
  publish_id: z.string(),
  post_id: z.union([z.string(), z.number()]).optional(),
  reason: z.string().optional(),
  publish_type: z.string().optional(),
});

export async function seenBefore(db: Database, bodyHash: string) {
  const rows = await db.select({ h: webhookReceipts.bodyHash }).from(webhookReceipts).where(eq(webhookReceipts.bodyHash, bodyHash)).limit(1);
  return rows.length > 0;
}

export async function recordReceipt(db: Database, bodyHash: string, event: string, now: number) {
  await db.insert(webhookReceipts).values({ bodyHash, event, receivedAt: now }).onConflictDoNothing();
}

type Applied = { postId: string; accountId: string } | null;

export async function applyWebhook(db: Database, body: z.output<typeof WebhookBody>, now: number): Promise<Applied> {
  if (body.event === "authorization.removed") {
    if (body.user_openid) {
      await db
        .update(tiktokAccounts)
        .set({ status: "disconnected", statusReason: "Access was removed in TikTok. Reconnect the account.", updatedAt: now })
        .where(eq(tiktokAccounts.openId, body.user_openid));
    }
    return null;
  }
  if (!body.event.startsWith("post.publish.")) return null;
  const content = PublishContent.safeParse(body.content);
  if (!content.success) return null;
  const { publish_id: publishId } = content.data;
  const postId = content.data.post_id === undefined ? null : String(content.data.post_id);
  const move = async (from: ("publishing" | "published" | "sent_to_inbox")[], set: Partial<typeof posts.$inferInsert>, message: string) => {
    const [row] = await db
      .update(posts)
      .set({ ...set, updatedAt: now })
      .where(and(eq(posts.publishId, publishId), inArray(posts.status, from)))
      .returning({ postId: posts.id, accountId: posts.accountId });
    if (row) await recordEvent(db, { postId: row.postId, at: now, type: `webhook:${body.event}`, message });
    return row ?? null;
  };
  switch (body.event) {
    case "post.publish.complete":
      return content.data.publish_type === "INBOX_SHARE"
        ? move(["sent_to_inbox"], { status: "published", completedAt: now }, "The creator posted the draft from the TikTok inbox")
        : move(["publishing"], { status: "published", completedAt: now }, "TikTok confirmed the post is published");
    case "post.publish.publicly_available":
      return postId
        ? move(["publishing", "published"], { status: "published", tiktokPostId: postId, completedAt: now }, `Publicly available on TikTok (post ${postId})`)
        : null;
    case "post.publish.inbox_delivered":
      return move(["publishing"], { status: "sent_to_inbox", completedAt: now }, "Delivered to the creator's TikTok inbox");
    case "post.publish.failed": {
      const reason = content.data.reason ?? "unknown";
      // Only we cancel publishes (a stalled pull); the publisher confirms it and re-uploads: not a failure.
      if (reason === "publish_cancelled") return null;
      return move(["publishing"], { status: "failed", lastErrorCode: reason, lastErrorMessage: explain(reason) }, explain(reason));
    }
    default:
      return null;
  }
}
