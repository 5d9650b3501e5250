// The one retry policy: exponential backoff with full jitter, capped; each kind of step has its attempt cap and
// what happens when it is exhausted (the last error is kept on the post).

export const RETRY = {
  /** first delay, doubled each attempt */
  baseMs: 1_000,
  /** no single wait is longer than this */
  capMs: 60_000,
  /** attempts for one step (an init, a chunk) before the post fails */
  maxAttempts: 6,
} as const;

/**
 * Per kind of step: how many failures in a row, and the post's outcome when they run out.
 * - init: nothing was created at TikTok, so the post fails.
 * - chunk: an upload that never completes never publishes, so the post fails.
 * - status: the bytes are at TikTok and may publish; we cannot tell, so the post is unconfirmed.
 * - internal: our own failure (storage, a bug): unconfirmed once TikTok holds a publish, failed before.
 * A refused access token is refreshed once per step and the step replayed at once; a second refusal exhausts it.
 */
export const STEP_RETRY = {
  init: { maxAttempts: RETRY.maxAttempts, exhausted: "fail" },
  chunk: { maxAttempts: RETRY.maxAttempts, exhausted: "fail" },
  status: { maxAttempts: RETRY.maxAttempts * 3, exhausted: "unconfirm" },
  internal: { maxAttempts: RETRY.maxAttempts, exhausted: "fail_or_unconfirm" },
} as const;
export type RetryKind = keyof typeof STEP_RETRY;

/** Delay before attempt `attempt` (1-based count of failures so far): random in [d/2, d], d = min(cap, base·2^(n-1)). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY.capMs, RETRY.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
