// Pre-flight scheduling: posts due 10-11 minutes from this tick get a check message delivered about
// 10 minutes before their time, while there is still time to fix a problem.
import type { Database } from "../db/client";
import type { PreflightMessage } from "../publishing/messages";
import { scheduledBetween } from "./scheduler.repo";

export const PREFLIGHT_LEAD_MS = 10 * 60 * 1000;
const TICK_MS = 60_000;

export async function schedulePreflights(db: Database, queue: Queue, now: number) {
  const due = await scheduledBetween(db, now + PREFLIGHT_LEAD_MS, now + PREFLIGHT_LEAD_MS + TICK_MS);
  for (let i = 0; i < due.length; i += 100) {
    await queue.sendBatch(
      due.slice(i, i + 100).map((p) => ({
        body: { kind: "preflight", postId: p.id, accountId: p.account_id, scheduledAt: p.scheduled_at } satisfies PreflightMessage,
        contentType: "json" as const,
        delaySeconds: Math.max(0, Math.floor((p.scheduled_at - PREFLIGHT_LEAD_MS - now) / 1000)),
      })),
    );
  }
  return due.length;
}
