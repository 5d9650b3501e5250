// Pieces of the account Durable Object's alarm run: a budget of steps and time, and a wait that ends when a
// running job finishes a step or when the next idle job falls due, whichever comes first.
import type { Clock } from "../shared/clock";

export class StepBudget {
  private readonly clock: Clock;
  private readonly until: number;
  private steps: number;

  constructor(clock: Clock, ms: number, steps: number) {
    this.clock = clock;
    this.until = clock.now() + ms;
    this.steps = steps;
  }

  left() {
    return this.steps > 0 && this.clock.now() < this.until;
  }

  take() {
    if (!this.left()) return false;
    this.steps -= 1;
    return true;
  }
}

/** Resolves when one of `running` settles, or at `nextDue` (if any), whichever is first. */
export async function untilFirst(running: Promise<void>[], nextDue: number | null, clock: Clock) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const due = nextDue === null ? [] : [new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, nextDue - clock.now()))))];
  try {
    await Promise.race([...running, ...due]);
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}
