// The sync's retry policy, beside publishing's (publishing/retry.ts owns the backoff formula): a step is tried this
// often before the run records its error and goes on; a run that ended in error is tried again this much later.
import { RETRY } from "../publishing/retry";

export const SYNC_RETRY = {
  /** Attempts of one step (a TikTok read, a token refresh) before its error is recorded. */
  maxAttempts: 4,
  /** A run that ended in error syncs again after this long, not at the next tick. */
  retryLaterMs: 30 * 60 * 1000,
  /** Even a run that ended well is not handed out again sooner than this (the tick runs every minute). */
  minGapMs: 60 * 1000,
  /** When a publish is due within this long, a sync step waits (publishing always wins)… */
  publishGuardMs: 60 * 1000,
  /** …until this long after it. */
  yieldMs: 5 * 1000,
  baseMs: RETRY.baseMs,
} as const;
