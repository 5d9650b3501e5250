// Recognises the workerd log lines the Worker tests provoke on purpose (the emulator's dropped connections,
// abortAllDurableObjects()), so `npm test` can set them aside and say how many there were.
// Only these exact shapes are hidden; any other workerd error, and every test failure, still shows.
import { stripVTControlCharacters } from "node:util";

const KINDS = [
  // The emulator's injected faults cut connections mid-request: workerd logs each cut as a DISCONNECTED exception.
  { label: "expected connection errors from injected faults", match: /^(uncaught exception; )?exception = \S+: disconnected: / },
  {
    label: "expected connection errors from injected faults",
    match: /^uncaught exception; source = Uncaught \(in promise\); stack = Error: Network connection lost\.$/,
  },
  // The "publisher dies between init and upload" test kills its Durable Objects on purpose.
  {
    label: "abortAllDurableObjects() from the crash test",
    match: /^exception = \S+: failed: jsg\.Error: Application called abortAllDurableObjects\(\)\.$/,
  },
  // workerd's own note that an alarm fired a few ms off its bookkeeping; it runs the alarm anyway.
  { label: "workerd alarm-timing note", match: /^NOSENTRY SQLite alarm overdue, running despite AlarmManager mismatch;/ },
];
// What workerd prints under such a line: native frames, or the JS stack of the uncaught rejection.
const CONTINUATION = /^(stack: (\S+@[0-9a-f]+ ?)+|\s+at .*)$/;

export class NoiseFilter {
  readonly hidden: string[] = [];
  private readonly counts = new Map<string, number>();

  /** A per-stream line filter: true when `line` is expected noise (and was recorded), false to print it. */
  stream(): (line: string) => boolean {
    let inNoise = false;
    return (line) => {
      const text = stripVTControlCharacters(line);
      const kind = KINDS.find(({ match }) => match.test(text));
      if (kind) this.counts.set(kind.label, (this.counts.get(kind.label) ?? 0) + 1);
      inNoise = kind !== undefined || (inNoise && CONTINUATION.test(text));
      if (inNoise) this.hidden.push(text);
      return inNoise;
    };
  }

  /** e.g. "12 expected connection errors from injected faults and 1 … hidden", or null when nothing was hidden. */
  summary(): string | null {
    const parts = [...this.counts].sort((a, b) => b[1] - a[1]).map(([label, count]) => `${count} ${label}`);
    if (parts.length === 0) return null;
    return `${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]} hidden`;
  }
}
