// One Durable Object per throttled key (e.g. "sign_in_email:ann@example.com"): exact counts, one attempt at a time,
// so ten parallel attempts cannot all slip through before the first is counted. Its state deletes itself once quiet.
import { DurableObject } from "cloudflare:workers";
import { decide, POLICIES, type PolicyName, type ThrottleState } from "./throttle-policy";

const KEY = "state";

export type TakeResult = { allowed: boolean; retryAfterMs: number };

export class Throttle extends DurableObject<Env> {
  /** Counts an attempt at `now` (the caller's request time) if the policy allows it. */
  async take(name: PolicyName, now: number): Promise<TakeResult> {
    const policy = POLICIES[name];
    const verdict = decide(policy, (await this.ctx.storage.get<ThrottleState>(KEY)) ?? null, now);
    if (!verdict.allowed) return { allowed: false, retryAfterMs: verdict.retryAfterMs };
    await this.ctx.storage.put(KEY, verdict.state);
    await this.ctx.storage.setAlarm(verdict.state.last + policy.windowMs);
    return { allowed: true, retryAfterMs: 0 };
  }

  /** Gives back one counted attempt (it turned out fine: a right password from this address). */
  async refund(): Promise<void> {
    const state = await this.ctx.storage.get<ThrottleState>(KEY);
    if (state && state.count > 0) await this.ctx.storage.put(KEY, { ...state, count: state.count - 1 });
  }

  /** Forgets every attempt (a successful sign-in for this email). */
  async reset(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  /** Quiet for a whole window: nothing worth keeping. */
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}
