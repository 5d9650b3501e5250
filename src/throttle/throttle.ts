// The limiter API every route uses: `await throttle(c, "sync_now", workspaceId)` counts an attempt, or throws 429
// with Retry-After when the key must wait (progressive delay, see throttle-policy.ts). Time is the request's.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../shared/errors";
import { SHARDS, type TakeResult } from "./throttle-object";
import type { PolicyName } from "./throttle-policy";

export { POLICIES, type PolicyName } from "./throttle-policy";

type Keyed = { name: PolicyName; key: string };

/** FNV-1a of the key, to pick its shard (not secret: only spreads keys evenly). */
function shardOf(key: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

const stub = (env: Env, { name, key }: Keyed) => env.THROTTLE.getByName(`${name}:${shardOf(key)}`);

/** 429 with Retry-After in whole seconds (at least 1). */
export function tooManyRequests(retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(
    429,
    "too_many_requests",
    `Too many attempts; try again in ${seconds} s`,
    { retryAfterSeconds: seconds },
    {
      "Retry-After": String(seconds),
    },
  );
}

/** Counts one attempt for `key` under `name`, or throws 429 when the key must wait. */
export async function throttle(c: Context<AppEnv>, name: PolicyName, key: string): Promise<void> {
  const verdict = await stub(c.env, { name, key }).take(name, key, c.var.now);
  if (!verdict.allowed) throw tooManyRequests(verdict.retryAfterMs);
}

/**
 * Counts one attempt under every key at once; if any must wait, the others are refunded and 429 names the
 * longest wait. Used where one action is limited several ways (sign-in: per email and per address).
 */
export async function throttleAll(c: Context<AppEnv>, keys: Keyed[]): Promise<void> {
  const verdicts: TakeResult[] = await Promise.all(keys.map((k) => stub(c.env, k).take(k.name, k.key, c.var.now)));
  if (verdicts.every((v) => v.allowed)) return;
  await Promise.all(keys.map((k, i) => (verdicts[i]!.allowed ? stub(c.env, k).refund(k.key) : null)));
  throw tooManyRequests(Math.max(...verdicts.map((v) => v.retryAfterMs)));
}

/** The counted attempt went well: give it back (e.g. a right password from this address). */
export async function refund(c: Context<AppEnv>, name: PolicyName, key: string) {
  await stub(c.env, { name, key }).refund(key);
}

/** Forget every attempt for the key (e.g. a successful sign-in for this email). */
export async function resetThrottle(c: Context<AppEnv>, name: PolicyName, key: string) {
  await stub(c.env, { name, key }).reset(key);
}

/** The caller's address as Cloudflare reports it (`CF-Connecting-IP`); one shared bucket when absent. */
export const clientAddress = (c: Context<AppEnv>) => c.req.header("cf-connecting-ip")?.trim() || "unknown";
