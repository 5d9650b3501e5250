// Throttling policies and the pure decision behind them: a few attempts are free, then each further attempt must
// wait twice as long after the previous one (progressive delay, capped), and a quiet spell resets the count.
// Pure data and functions (no imports), so tests replay timestamps through `decide` directly.

export type Policy = {
  /** Attempts allowed back to back before any delay. */
  free: number;
  /** The wait after the first attempt beyond `free`; it doubles with each further attempt. */
  baseDelayMs: number;
  /** The longest wait (no hard lockout: an attempt is always possible again after at most this). */
  maxDelayMs: number;
  /** A key with no counted attempt for this long starts again from zero. */
  windowMs: number;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Every throttled action. Callers pass one of these names to `throttle()` (throttle.ts). */
export const POLICIES = {
  /** Failed sign-ins for one email (counted whether or not the email exists). ≤ 20 failures an hour. */
  sign_in_email: { free: 5, baseDelayMs: SECOND, maxDelayMs: 15 * MINUTE, windowMs: HOUR },
  /** Failed sign-ins from one client address (a coarser, looser outer layer). */
  sign_in_address: { free: 20, baseDelayMs: SECOND, maxDelayMs: 5 * MINUTE, windowMs: HOUR },
  /** Sign-ups from one client address. */
  sign_up_address: { free: 5, baseDelayMs: MINUTE, maxDelayMs: HOUR, windowMs: 6 * HOUR },
  /** Starting a TikTok connection from one client address. */
  connect_address: { free: 10, baseDelayMs: 10 * SECOND, maxDelayMs: 10 * MINUTE, windowMs: HOUR },
  /** Starting a video upload in one workspace. */
  video_create: { free: 30, baseDelayMs: 5 * SECOND, maxDelayMs: 10 * MINUTE, windowMs: HOUR },
  /** "Sync now" of an account's data, per workspace (the route belongs to the account-sync feature). */
  sync_now: { free: 3, baseDelayMs: 30 * SECOND, maxDelayMs: 30 * MINUTE, windowMs: HOUR },
} as const satisfies Record<string, Policy>;

export type PolicyName = keyof typeof POLICIES;

/** What a key remembers: attempts counted since it was last quiet, and when the last one was. */
export type ThrottleState = { count: number; last: number };

export type Verdict = { allowed: true; state: ThrottleState } | { allowed: false; retryAfterMs: number; state: ThrottleState };

/** The wait required after the last attempt before the next one, given how many were counted. */
export function delayAfter(policy: Policy, count: number): number {
  if (count < policy.free) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, count - policy.free));
}

/** Decides an attempt at `now`; when allowed, the returned state counts it. */
export function decide(policy: Policy, state: ThrottleState | null, now: number): Verdict {
  const current = !state || now - state.last >= policy.windowMs ? { count: 0, last: 0 } : state;
  const readyAt = current.count === 0 ? now : current.last + delayAfter(policy, current.count);
  if (now < readyAt) return { allowed: false, retryAfterMs: readyAt - now, state: current };
  return { allowed: true, state: { count: current.count + 1, last: now } };
}
