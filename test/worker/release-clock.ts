// Every Worker test ends with TikTok's (the emulator's) clock back on real time, so a driven test that stopped
// early never leaves the next test in its time.
import { afterEach } from "vitest";
import { emu } from "./helpers";

afterEach(async () => {
  await emu("/__emu/clock", "PUT", { now: null });
});
