// The planner's post contract (issue 13): drafts, scheduling a draft at a time or in the next queue slot, adding a
// new post to the queue, duplicating, undoing a cancel, and bulk moves. Pure: the web app imports these types too.
import { z } from "@hono/zod-openapi";
import { idString } from "../shared/text.schemas";
import { NewPost, Post, PostPatch } from "./posts.schemas";

/** A post without a time. Everything but the account and the video may still be unfinished. */
export const NewDraft = NewPost.omit({ scheduledAt: true }).strict().openapi("NewDraft");
export type NewDraft = z.infer<typeof NewDraft>;

/** Any subset of a draft's fields; it stays a draft. */
export const DraftPatch = PostPatch.omit({ scheduledAt: true }).strict().openapi("DraftPatch");
export type DraftPatch = z.infer<typeof DraftPatch>;

/** A new post placed in its account's next free queue slot (the zone is the schedule's). */
export const NewQueuedPost = NewPost.omit({ scheduledAt: true, timezone: true }).strict().openapi("NewQueuedPost");
export type NewQueuedPost = z.infer<typeof NewQueuedPost>;

/** A draft goes on the calendar: at a time, or in the next free queue slot; any field may change with it. */
export const ScheduleDraft = DraftPatch.extend({
  scheduledAt: PostPatch.shape.scheduledAt,
  queue: z.boolean().optional(),
})
  .strict()
  .refine((b) => (b.scheduledAt === undefined) !== (b.queue !== true), {
    message: "Give either scheduledAt or queue: true",
    path: ["scheduledAt"],
  })
  .openapi("ScheduleDraft");
export type ScheduleDraft = z.infer<typeof ScheduleDraft>;

const ids = z.array(idString("post id")).min(1).max(100, "At most 100 posts at a time");
export const BulkAction = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("cancel"), ids }).strict(),
    z
      .object({
        action: z.literal("reschedule"),
        ids,
        /** Moves each post by this many minutes (negative = earlier), keeping their order and spacing. */
        shiftMinutes: z
          .number()
          .int()
          .min(-366 * 24 * 60)
          .max(366 * 24 * 60)
          .refine((n) => n !== 0, "Move the posts by at least one minute"),
      })
      .strict(),
  ])
  .openapi("BulkAction");
export type BulkAction = z.infer<typeof BulkAction>;

export const BulkResult = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        ok: z.boolean(),
        post: Post.nullable(),
        error: z.object({ code: z.string(), message: z.string() }).nullable(),
      }),
    ),
  })
  .openapi("BulkResult");
