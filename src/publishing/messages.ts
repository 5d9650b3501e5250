// Messages on the publish queue. They outlive deploys, so the consumer validates them with zod.
import { z } from "zod";

/**
 * What the post says, as it was claimed: the Durable Object needs no database read before the init (issue 15). It is
 * the account Durable Object's to keep until the init leaves: edits and cancels withdraw it there first.
 */
export const PostSnapshot = z.object({
  mode: z.enum(["direct", "inbox"]),
  caption: z.string(),
  privacyLevel: z.string().nullable(),
  disableComment: z.boolean(),
  disableDuet: z.boolean(),
  disableStitch: z.boolean(),
  brandContent: z.boolean(),
  brandOrganic: z.boolean(),
  isAigc: z.boolean(),
  video: z.object({ id: z.string(), r2Key: z.string(), size: z.number().int().positive(), contentType: z.string() }),
});
export type PostSnapshot = z.infer<typeof PostSnapshot>;

export const PublishMessage = z.object({
  kind: z.literal("publish"),
  postId: z.string().min(1),
  accountId: z.string().min(1),
  claimToken: z.string().min(1),
  scheduledAt: z.number().int(),
  /** Absent on a claim re-sent by the tick: the Durable Object then reads the post itself. */
  post: PostSnapshot.optional(),
});
export type PublishMessage = z.infer<typeof PublishMessage>;

/** Sent to arrive about 10 minutes before a post is due: its account checks it can still go out. */
export const PreflightMessage = z.object({
  kind: z.literal("preflight"),
  postId: z.string().min(1),
  accountId: z.string().min(1),
  scheduledAt: z.number().int(),
});
export type PreflightMessage = z.infer<typeof PreflightMessage>;

/** The tick hands out an account whose sync is due (src/sync/sync-fanout.ts); its Durable Object runs the sync. */
export const SyncMessage = z.object({
  kind: z.literal("sync"),
  accountId: z.string().min(1),
  /** "Sync now": profile and every tracked post, whatever their schedule. */
  full: z.boolean().default(false),
  reason: z.enum(["scheduled", "manual"]).default("scheduled"),
});
export type SyncMessage = z.input<typeof SyncMessage>;

export const QueueMessage = z.discriminatedUnion("kind", [PublishMessage, PreflightMessage, SyncMessage]);
export type QueueMessage = z.infer<typeof QueueMessage>;
