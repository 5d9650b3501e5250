// Per-account pacing under TikTok's sliding one-minute limits (tiktok-api.md §5): wait, never drop or hammer.
import type { CallKind, JobStore } from "./job-store";

export const LIMITS: Record<CallKind, number> = { init: 6, status: 30, creator_info: 20 };
/** Margin after a window slot frees up, so our clock and TikTok's need not agree to the millisecond. */
const MARGIN_MS = 250;

export class RatePacer {
  private readonly store: JobStore;
  private readonly windowMs: number;

  constructor(store: JobStore, windowMs: number) {
    this.store = store;
    this.windowMs = windowMs;
  }

  /** When the next `kind` call may go out: `now` if a slot is free, else when the oldest call leaves the window. */
  nextSlot(kind: CallKind, now: number): number {
    const calls = this.store.callsSince(kind, now - this.windowMs);
    const limit = LIMITS[kind];
    if (calls.length < limit) return now;
    return calls[calls.length - limit]! + this.windowMs + MARGIN_MS;
  }

  record(kind: CallKind, at: number) {
    this.store.recordCall(kind, at, null);
  }

  /** Takes a slot for a call that will go out at `at` (a prepared init), so later jobs see it now. */
  reserve(kind: CallKind, at: number, postId: string) {
    this.store.recordCall(kind, at, postId);
  }

  /** Gives back the slots a withdrawn post reserved and has not used yet. */
  cancelReservations(postId: string, now: number) {
    this.store.dropCallsAfter(postId, now);
  }

  /** After TikTok answered 429, wait a full window from now. */
  afterRejection(now: number) {
    return now + this.windowMs + MARGIN_MS;
  }
}
