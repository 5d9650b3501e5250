// Queue slots: reading and saving an account's posting schedule, the next free slot ("Add to queue"), and the slot
// times of every account in a range (the calendar shows them).
import { findAccount } from "../accounts/accounts.repo";
import type { Database } from "../db/client";
import { AppError, notFound } from "../shared/errors";
import { iso } from "../shared/http";
import { freeSlots, MAX_SLOT_RANGE_MS, nextFreeSlot, normaliseSlots, QUEUE_HORIZON_MS, slotInstants } from "./next-slot";
import { findSchedule, heldMinutes, listSchedules, type ScheduleRow, saveSchedule } from "./slots.repo";
import type { Slot } from "./slots.schemas";

/** A queued post goes to a slot at least this far ahead (time to hand it to the publisher). */
const MIN_LEAD_MS = 60_000;
const SHOWN_NEXT = 5;

const scheduleView = (row: ScheduleRow) => ({
  accountId: row.accountId,
  timezone: row.timezone,
  slots: row.slots,
  updatedAt: iso(row.updatedAt)!,
});

/** Every posting schedule of the workspace (its export). */
export const schedulesOf = async (db: Database, workspaceId: string) => (await listSchedules(db, workspaceId)).map(scheduleView);

async function requireAccount(db: Database, workspaceId: string, accountId: string) {
  const account = await findAccount(db, workspaceId, accountId);
  if (!account) throw notFound("Account");
  return account;
}

async function nextOf(db: Database, row: ScheduleRow, now: number, count: number) {
  const after = now + MIN_LEAD_MS;
  const held = (await heldMinutes(db, [row.accountId], after, after + QUEUE_HORIZON_MS)).get(row.accountId)!;
  return freeSlots(row, new Set(held.keys()), after, count);
}

export async function getQueue(db: Database, workspaceId: string, accountId: string, now: number) {
  await requireAccount(db, workspaceId, accountId);
  const row = await findSchedule(db, workspaceId, accountId);
  if (!row) return { schedule: null, next: [] };
  return { schedule: scheduleView(row), next: (await nextOf(db, row, now, SHOWN_NEXT)).map((at) => iso(at)!) };
}

export async function putQueue(
  db: Database,
  workspaceId: string,
  accountId: string,
  input: { timezone: string; slots: Slot[] },
  now: number,
) {
  await requireAccount(db, workspaceId, accountId);
  await saveSchedule(db, { accountId, workspaceId, timezone: input.timezone, slots: normaliseSlots(input.slots), updatedAt: now });
  return getQueue(db, workspaceId, accountId, now);
}

/** Where "Add to queue" puts a post of this account: its time and the schedule's zone. */
export async function nextSlotFor(db: Database, workspaceId: string, accountId: string, now: number) {
  const row = await findSchedule(db, workspaceId, accountId);
  if (!row || row.slots.length === 0) {
    throw new AppError(409, "queue_empty", "This account has no posting schedule yet. Add queue times on the account's page first.");
  }
  const after = now + MIN_LEAD_MS;
  const held = (await heldMinutes(db, [accountId], after, after + QUEUE_HORIZON_MS)).get(accountId)!;
  const at = nextFreeSlot(row, new Set(held.keys()), after);
  if (at === null) throw new AppError(409, "queue_full", "Every queue slot in the next 8 weeks is taken. Add more queue times.");
  return { at, timezone: row.timezone };
}

/** Every account's slot times in [from, to), each with the post holding it (or null when free). */
export async function slotsBetween(db: Database, workspaceId: string, from: number, to: number) {
  if (to <= from || to - from > MAX_SLOT_RANGE_MS) {
    throw new AppError(400, "invalid_range", "Ask for at most 62 days of slots, with `from` before `to`", { path: "to" });
  }
  const schedules = await listSchedules(db, workspaceId);
  const held = await heldMinutes(
    db,
    schedules.map((s) => s.accountId),
    from - 60_000,
    to + 60_000,
  );
  return schedules.flatMap((s) =>
    slotInstants(s, from, to).map((at) => ({
      accountId: s.accountId,
      at: iso(at)!,
      postId: held.get(s.accountId)?.get(Math.floor(at / 60_000)) ?? null,
    })),
  );
}
