// Posting schedules in D1, and the minutes an account's posts already hold (a slot with a post in it is taken).
import { and, eq, gte, inArray, lt } from "drizzle-orm";
import type { Database } from "../db/client";
import { posts, queueSchedules } from "../db/schema";
import type { PostStatus } from "../posts/post-status";
import { minuteOf } from "./next-slot";
import { QueueSlots, type Slot } from "./slots.schemas";

/** Posts that hold their slot: on their way or out. A failed, missed or cancelled post leaves it free. */
const HOLDING: PostStatus[] = ["scheduled", "queued", "publishing", "published", "sent_to_inbox", "unconfirmed"];

export type ScheduleRow = { accountId: string; workspaceId: string; timezone: string; slots: Slot[]; updatedAt: number };

function parse(row: typeof queueSchedules.$inferSelect): ScheduleRow {
  const slots = QueueSlots.safeParse(JSON.parse(row.slots));
  if (!slots.success) console.error("ignoring unreadable queue slots", row.accountId, slots.error.issues);
  return { ...row, slots: slots.success ? slots.data : [] };
}

export async function findSchedule(db: Database, workspaceId: string, accountId: string) {
  const [row] = await db
    .select()
    .from(queueSchedules)
    .where(and(eq(queueSchedules.accountId, accountId), eq(queueSchedules.workspaceId, workspaceId)))
    .limit(1);
  return row ? parse(row) : null;
}

export async function listSchedules(db: Database, workspaceId: string) {
  const rows = await db.select().from(queueSchedules).where(eq(queueSchedules.workspaceId, workspaceId));
  return rows.map(parse);
}

export async function saveSchedule(db: Database, row: ScheduleRow) {
  const values = { ...row, slots: JSON.stringify(row.slots) };
  await db
    .insert(queueSchedules)
    .values(values)
    .onConflictDoUpdate({
      target: queueSchedules.accountId,
      set: { timezone: values.timezone, slots: values.slots, updatedAt: row.updatedAt },
    });
}

/** The posts of these accounts holding a slot minute in [from, to): minute → post id, per account. */
export async function heldMinutes(db: Database, accountIds: string[], from: number, to: number) {
  const held = new Map<string, Map<number, string>>(accountIds.map((id) => [id, new Map()]));
  if (accountIds.length === 0) return held;
  const rows = await db
    .select({ id: posts.id, accountId: posts.accountId, at: posts.scheduledAt })
    .from(posts)
    .where(
      and(inArray(posts.accountId, accountIds), inArray(posts.status, HOLDING), gte(posts.scheduledAt, from), lt(posts.scheduledAt, to)),
    );
  for (const row of rows) if (row.at !== null) held.get(row.accountId)?.set(minuteOf(row.at), row.id);
  return held;
}
