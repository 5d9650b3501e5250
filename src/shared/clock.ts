// The one source of time in Worker code. Production reads the system clock; tests hand a manual clock to the
// app, the handlers and the account Durable Object, and move it instead of sleeping (style.md §7).

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type ManualClock = Clock & { set(ms: number): void; advance(ms: number): void };

/** A clock that only moves when told to. */
export function manualClock(start: number): ManualClock {
  let current = start;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
