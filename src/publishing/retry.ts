// The one retry policy: exponential backoff with full jitter, capped; callers give up after maxAttempts
// and keep the last error on the post.

export const RETRY = {
  /** first delay, doubled each attempt */
  baseMs: 1_000,
  /** no single wait is longer than this */
  capMs: 60_000,
  /** attempts for one step (an init, a chunk, a status read) before the post fails */
  maxAttempts: 6,
} as const;

/** Delay before attempt `attempt` (1-based count of failures so far): random in [d/2, d], d = min(cap, base·2^(n-1)). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY.capMs, RETRY.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
