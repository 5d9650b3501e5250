// The queue-slots contract: an account's weekly posting schedule in its own time zone, and the slot times it yields.
// Pure: the web app imports these types too.
import { z } from "@hono/zod-openapi";
import { idString } from "../shared/text.schemas";
import { TimeZone } from "../shared/time-zone.schemas";

export const Slot = z
  .object({
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    day: z.number().int().min(1).max(7),
    /** Wall-clock time in the schedule's zone, 24 h "HH:MM". */
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 09:00"),
  })
  .strict()
  .openapi("QueueSlot");
export type Slot = z.infer<typeof Slot>;

/** How slots are stored and read back (validated on every read: the column outlives deploys). */
export const QueueSlots = z.array(Slot).max(70, "At most 70 slots a week");

export const QueueSchedule = z
  .object({ accountId: z.string(), timezone: z.string(), slots: z.array(Slot), updatedAt: z.string() })
  .openapi("QueueSchedule");

export const QueueSchedulePut = z.object({ timezone: TimeZone, slots: QueueSlots }).strict().openapi("QueueSchedulePut");

export const QueueResponse = z.object({
  /** null until the account has a posting schedule. */
  schedule: QueueSchedule.nullable(),
  /** The next free slot times (ISO), soonest first: where "Add to queue" puts the next posts. */
  next: z.array(z.string()),
});

/** Default: from now, five weeks (a month view). At most 62 days. */
export const SlotRangeQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const SlotInstance = z.object({ accountId: z.string(), at: z.string(), postId: z.string().nullable() }).openapi("QueueSlotInstance");
export const SlotInstancesResponse = z.object({ slots: z.array(SlotInstance) });
export const QueueAccountId = z.object({ id: idString("account id") });
