// The per-minute cron tick: mark posts past their late policy as missed, claim what is due soon,
// re-send claims whose message never reached a publisher, hand out accounts whose sync is due, and record that the
// tick happened.
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { posts } from "../db/schema";
import { type MaintenanceResult, runMaintenance } from "../maintenance/maintenance";
import { isoSql, transitionMany } from "../posts/post-transitions";
import { handOutSyncs } from "../sync/sync-fanout";
import { CLAIM_WINDOW_MS, claimDuePosts, enqueue, publishMessage } from "./claim";
import { schedulePreflights } from "./preflight";
import { recordTick, staleClaims } from "./scheduler.repo";
import { sweepStuckPublishing } from "./sweeper";

export { LAST_TICK_KEY } from "./scheduler.repo";

/** A queued post whose publisher has not started it this long after its time gets its message again. */
const RESEND_AFTER_MS = 90_000;
const MISSED_MESSAGE = "Not published: it could not start within its late policy. Reschedule it or cancel it.";

export type TickResult = {
  claimed: number;
  missed: number;
  resent: number;
  swept: number;
  preflighted: number;
  synced: number;
  cleaned: MaintenanceResult;
};

export async function runTick(db: Database, env: Env, now: number): Promise<TickResult> {
  await recordTick(db, now);
  const missed = await markMissed(db, now);
  const claimed = await claimDuePosts(db, now, now + CLAIM_WINDOW_MS);
  await enqueue(env.PUBLISH_QUEUE, claimed.map(publishMessage));
  const stale = await staleClaims(db, now, RESEND_AFTER_MS);
  await enqueue(env.PUBLISH_QUEUE, stale.map(publishMessage));
  const preflighted = await schedulePreflights(db, env.PUBLISH_QUEUE, now);
  const swept = await sweepStuckPublishing(db, env, now);
  const synced = await handOutSyncs(db, env.PUBLISH_QUEUE, now);
  const cleaned = await runMaintenance(db, env, now);
  return { claimed: claimed.length, missed: missed.length, resent: stale.length, swept, preflighted, synced, cleaned };
}

/** Posts still waiting past their late policy wait for the user's decision instead of going out hours late. */
async function markMissed(db: Database, now: number) {
  // The constant bound lets the (status, scheduled_at) index skip every post not yet a minute overdue
  // (late policies are ≥ 1 minute); without it a tick reads every future post.
  const overdue = sql`${posts.scheduledAt} < ${now - 60_000} AND ${posts.scheduledAt} < ${now} - ${posts.latePolicyMinutes} * 60000`;
  return transitionMany(
    db,
    "miss",
    { where: overdue },
    {
      set: { claimToken: null, lastErrorCode: "missed", lastErrorMessage: MISSED_MESSAGE },
      event: { type: "missed", message: sql`'Missed: it was due at ' || ${isoSql(posts.scheduledAt)} || ' and is past its late policy'` },
    },
    now,
  );
}
