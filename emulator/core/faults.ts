// Fault injection, global or per open_id: 5xx rate, latency, forced 429s, dropped chunk PUTs, stuck or failing publishes.
import type { MiddlewareHandler } from "hono";
import type { Emulator } from "./emulator.ts";
import type { EmuEnv } from "./http.ts";
import { fail } from "./http.ts";
import type { FaultSet } from "./types.ts";

export const FAULT_KEYS = ["errorRate5xx", "latencyMs", "force429", "dropConnectionMidChunk", "neverComplete", "failReason"] as const;

/** Per-user values override global ones. */
export function faultValue<K extends keyof FaultSet>(emu: Emulator, openId: string | null, key: K): FaultSet[K] {
  const own = openId ? emu.state.userFaults.get(openId)?.[key] : undefined;
  return own !== undefined ? own : emu.state.globalFaults[key];
}

/** Consume one unit of a counter fault (per-user first, then global). */
export function takeFault(emu: Emulator, openId: string | null, key: "force429" | "dropConnectionMidChunk"): boolean {
  const scopes = [openId ? emu.state.userFaults.get(openId) : undefined, emu.state.globalFaults];
  for (const f of scopes) {
    const n = f?.[key] ?? 0;
    if (f && n > 0) {
      f[key] = n - 1;
      return true;
    }
  }
  return false;
}

export function roll5xx(emu: Emulator, openId: string | null): boolean {
  const rate = faultValue(emu, openId, "errorRate5xx") ?? 0;
  return rate > 0 && emu.rng() < rate;
}

export async function applyLatency(emu: Emulator, openId: string | null): Promise<void> {
  const ms = faultValue(emu, openId, "latencyMs") ?? 0;
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}

/** Data-endpoint faults; runs after bearer auth so per-open_id faults apply. */
export function faultsMiddleware(emu: Emulator): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    const openId = c.get("openId") ?? null;
    await applyLatency(emu, openId);
    if (takeFault(emu, openId, "force429")) {
      return fail(c, 429, "rate_limit_exceeded", "API rate limit exceeded, please retry later. (emulator: forced)");
    }
    if (roll5xx(emu, openId)) {
      return fail(c, 500, "internal_error", "Something went wrong. Please try again later. (emulator: injected)");
    }
    await next();
  };
}
