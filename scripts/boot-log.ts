// What `npm start` prints while the stack boots: nothing from the children unless the boot fails (then all of it),
// except our own notes and wrangler's warnings and errors; once the app answers, everything, live.
import { stripVTControlCharacters } from "node:util";

const READY = /^\[wrangler:info\] Ready on /;
// The stack's own readiness probe, logged by wrangler as a request.
const PROBE = /^\[wrangler:info\] GET \/api\/health 200 /;
const BLOCK_START = /^(▲ \[WARNING\]|✘ \[ERROR\])/;

export class BootLog {
  private readonly lines: string[] = [];
  private live = false;
  private probeSeen = false;
  private readonly print: (line: string) => void;

  constructor(print: (line: string) => void) {
    this.print = print;
  }

  readonly log = (line: string) => {
    if (!this.live) this.lines.push(line);
    else if (!this.probeSeen && PROBE.test(stripVTControlCharacters(line))) this.probeSeen = true;
    else this.print(line);
  };

  /** The boot failed: everything the children said, for the cause. */
  failed() {
    for (const line of this.lines) this.print(line);
  }

  /** The app answers: print what matters from the boot, then go live. */
  booted() {
    let inBlock = false;
    let ready = false;
    for (const line of this.lines) {
      const text = stripVTControlCharacters(line);
      if (ready) {
        if (!this.probeSeen && PROBE.test(text)) this.probeSeen = true;
        else this.print(line);
        continue;
      }
      ready = READY.test(text);
      inBlock = BLOCK_START.test(text) || (inBlock && (text === "" || text.startsWith(" ")));
      if (inBlock || text.startsWith("[postflare]")) this.print(line);
    }
    this.live = true;
  }
}
