// The per-minute cron tick: mark posts past their late policy as missed, claim what is due soon,
// re-send claims whose message never reached a publisher, and record that the tick happened.
import { sql } from "drizzle-orm";
import { database, type Database } from "../db/client";
import { appState } from "../db/schema";
import { insertEvents } from "../posts/post-events";
import { CLAIM_WINDOW_MS, claimDuePosts, enqueue, publishMessage } from "./claim";
import { schedulePreflights } from "./preflight";
import { sweepStuckPublishing } from "./sweeper";

export const LAST_TICK_KEY = "last_tick_at";
/** A queued post whose publisher has not started it this long after its time gets its message again. */
const RESEND_AFTER_MS = 90_000;

export type TickResult = { claimed: number; missed: number; resent: number; swept: number; preflighted: number };

export async function runTick(env: Env, now: number): Promise<TickResult> {
  const db = database(env.DB);
  await db
    .insert(appState)
    .values({ key: LAST_TICK_KEY, value: String(now), updatedAt: now })
    .onConflictDoUpdate({ target: appState.key, set: { value: String(now), updatedAt: now } });
  const missed = await markMissed(db, now);
  const claimed = await claimDuePosts(db, now, now + CLAIM_WINDOW_MS);
  await enqueue(env.PUBLISH_QUEUE, claimed.map(publishMessage), now);
  const stale = await staleClaims(db, now);
  await enqueue(env.PUBLISH_QUEUE, stale.map(publishMessage), now);
  const preflighted = await schedulePreflights(db, env.PUBLISH_QUEUE, now);
  const swept = await sweepStuckPublishing(db, env, now);
  return { claimed: claimed.length, missed: missed.length, resent: stale.length, swept, preflighted };
}

/** Posts still waiting past their late policy wait for the user's decision instead of going out hours late. */
async function markMissed(db: Database, now: number) {
  const missed = await db.all<{ id: string; scheduled_at: number }>(sql`
    UPDATE posts SET status = 'missed', claim_token = NULL, updated_at = ${now},
      last_error_code = 'missed', last_error_message = 'Not published: it could not start within its late policy. Reschedule it or cancel it.'
    -- The constant bound lets the (status, scheduled_at) index skip every post not yet a minute overdue
    -- (late policies are ≥ 1 minute); without it a tick reads every future post.
    WHERE status IN ('scheduled', 'queued') AND scheduled_at < ${now - 60_000}
      AND scheduled_at < ${now} - late_policy_minutes * 60000
    RETURNING id, scheduled_at`);
  const events = missed.map((p) => ({
    postId: p.id,
    at: now,
    type: "missed",
    message: `Missed: it was due at ${new Date(p.scheduled_at).toISOString()} and is past its late policy`,
  }));
  const [first, ...rest] = insertEvents(db, events);
  if (first) await db.batch([first, ...rest]);
  return missed;
}

async function staleClaims(db: Database, now: number) {
  return db.all<{ id: string; account_id: string; scheduled_at: number; claim_token: string }>(sql`
    SELECT id, account_id, scheduled_at, claim_token FROM posts
    WHERE status = 'queued' AND scheduled_at < ${now - RESEND_AFTER_MS} AND claimed_at < ${now - RESEND_AFTER_MS}
    ORDER BY scheduled_at LIMIT 500`);
}
