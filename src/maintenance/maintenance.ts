// Housekeeping run by every cron tick: forget what has expired (sessions, used OAuth states, webhook receipts past
// TikTok's retry horizon, idempotency keys, stale invites, long-revoked API tokens) and re-encrypt a batch of TikTok
// tokens and other sealed secrets still under a previous key (a rotation finishes within a few ticks), and metric
// points older than a week.
import { reencryptTokens } from "../accounts/key-rotation";
import { deleteExpiredStates } from "../accounts/oauth-states.repo";
import { SESSION_IDLE_MS } from "../auth/session";
import { deleteExpiredSessions } from "../auth/sessions.repo";
import type { Database } from "../db/client";
import { dropPointsBefore } from "../observability/metrics.repo";
import { deleteExpiredKeys } from "../posts/idempotency.repo";
import { deleteOldReceipts } from "../publishing/webhooks.repo";
import { tokenCipher } from "../shared/token-cipher";
import { deleteStaleInvites } from "../teams/invites.repo";
import { deleteRevokedTokens } from "../tokens/tokens.repo";
import { resealSecrets } from "./secret-rotation";

const DAY_MS = 24 * 3600 * 1000;
/** TikTok retries a webhook for up to 72 hours; a receipt older than a week can no longer dedupe anything. */
export const RECEIPT_TTL_MS = 7 * DAY_MS;
const KEEP_CLOSED_MS = 30 * DAY_MS;
/** Recent metric points stay a week in D1; Analytics Engine keeps the long history. */
const METRICS_KEPT_MS = 7 * DAY_MS;

export type MaintenanceResult = {
  sessions: number;
  oauthStates: number;
  webhookReceipts: number;
  idempotencyKeys: number;
  invites: number;
  apiTokens: number;
  metricPoints: number;
  reencrypted: number;
  resealed: number;
};

export async function runMaintenance(db: Database, env: Env, now: number): Promise<MaintenanceResult> {
  return {
    sessions: await deleteExpiredSessions(db, now, SESSION_IDLE_MS),
    oauthStates: await deleteExpiredStates(db, now),
    webhookReceipts: await deleteOldReceipts(db, now - RECEIPT_TTL_MS),
    idempotencyKeys: await deleteExpiredKeys(db, now),
    invites: await deleteStaleInvites(db, now - KEEP_CLOSED_MS),
    apiTokens: await deleteRevokedTokens(db, now - KEEP_CLOSED_MS),
    metricPoints: await dropPointsBefore(db, now - METRICS_KEPT_MS),
    reencrypted: (await reencryptTokens(db, tokenCipher(env))).rewritten,
    resealed: await resealSecrets(db, tokenCipher(env)),
  };
}
