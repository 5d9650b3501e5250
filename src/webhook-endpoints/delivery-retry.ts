// When a failed webhook delivery is tried again: exponential backoff from 30 s, doubling, each wait at most 4 h,
// for up to 24 h after the delivery was created; then it is given up (and can still be redelivered by hand).
export const FIRST_RETRY_MS = 30_000;
export const LONGEST_WAIT_MS = 4 * 3600_000;
export const GIVE_UP_AFTER_MS = 24 * 3600_000;

/** The wait after the `attempts`-th failed attempt (1-based). */
export const retryWaitMs = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_WAIT_MS);

/** The time of the next attempt, or null when the 24 h are spent. */
export function nextAttemptAt(createdAt: number, attempts: number, now: number): number | null {
  const at = now + retryWaitMs(attempts);
  return at - createdAt > GIVE_UP_AFTER_MS ? null : at;
}
