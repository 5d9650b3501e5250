// The live-updates contract: what GET /api/live's WebSocket pushes to a workspace's open tabs. Pure: the web app
// imports these types too.
import { z } from "@hono/zod-openapi";
import { POST_STATUSES } from "../posts/post-status";

/** One post as it is after a write (a move, a recorded fact, a create or a discard): enough to refresh what shows it. */
export const LivePost = z.object({
  id: z.string(),
  accountId: z.string(),
  status: z.enum(POST_STATUSES),
  /** null after a bulk move (the cron's claim), which does not read the row back. */
  version: z.number().nullable(),
  scheduledAt: z.string().nullable(),
  updatedAt: z.string(),
});

/** A message on the socket. "posts": these posts changed (the tab refetches what shows them). */
export const LiveMessage = z.object({ type: z.literal("posts"), posts: z.array(LivePost) });
export type LiveMessage = z.infer<typeof LiveMessage>;

/** "notifications": someone in the workspace has new ones (each tab refetches its own person's). */
export const LiveNotice = z.object({ type: z.literal("notifications") });
/** Every frame the socket sends. */
export const LiveFrame = z.discriminatedUnion("type", [LiveMessage, LiveNotice]);
export type LiveFrame = z.infer<typeof LiveFrame>;

/** The client may send this text; the object answers "pong" without waking (hibernation auto-response). */
export const LIVE_PING = "ping";
export const LIVE_PONG = "pong";
