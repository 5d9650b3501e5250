// The throttle's Durable Objects: each policy's keys are spread over a few shards (one object each), so a key's
// counts are exact (one attempt at a time: ten parallel attempts cannot all slip through before the first is
// counted) and every attempt meets an object in the same state, warm, whether its key was seen before or not:
// the time a sign-in takes does not tell whether its email was tried before. Quiet keys are forgotten by an alarm.
import { DurableObject } from "cloudflare:workers";
import { systemClock } from "../shared/clock";
import { decide, POLICIES, type PolicyName, type ThrottleState } from "./throttle-policy";

export type TakeResult = { allowed: boolean; retryAfterMs: number };

/** Keys of one policy live in this many objects (a few warm objects rather than one cold object per key). */
export const SHARDS = 16;

const storageKey = (key: string) => `k:${key}`;

export class Throttle extends DurableObject<Env> {
  /** Counts an attempt at `now` (the caller's request time) for `key` if the policy allows it. */
  async take(name: PolicyName, key: string, now: number): Promise<TakeResult> {
    const policy = POLICIES[name];
    const verdict = decide(policy, (await this.ctx.storage.get<ThrottleState>(storageKey(key))) ?? null, now);
    if (!verdict.allowed) return { allowed: false, retryAfterMs: verdict.retryAfterMs };
    await this.ctx.storage.put(storageKey(key), verdict.state);
    await this.armCleanup(verdict.state.last + policy.windowMs);
    return { allowed: true, retryAfterMs: 0 };
  }

  /** Gives back one counted attempt (it turned out fine: a right password from this address). */
  async refund(key: string): Promise<void> {
    const state = await this.ctx.storage.get<ThrottleState>(storageKey(key));
    if (state && state.count > 0) await this.ctx.storage.put(storageKey(key), { ...state, count: state.count - 1 });
  }

  /** Forgets every attempt of the key (a successful sign-in for this email). */
  async reset(key: string): Promise<void> {
    await this.ctx.storage.delete(storageKey(key));
  }

  /** Deletes the keys that have been quiet for their policy's whole window, and waits for the next one. */
  override async alarm(): Promise<void> {
    const now = systemClock.now();
    const windowMs = Math.max(...Object.values(POLICIES).map((p) => p.windowMs));
    let next: number | null = null;
    for (const [k, state] of await this.ctx.storage.list<ThrottleState>({ prefix: "k:" })) {
      if (now - state.last >= windowMs) await this.ctx.storage.delete(k);
      else next = Math.min(next ?? Number.POSITIVE_INFINITY, state.last + windowMs);
    }
    if (next !== null) await this.ctx.storage.setAlarm(next);
  }

  private async armCleanup(at: number) {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }
}
