// The emulator's seedable RNG (mulberry32), so fault rolls and generated usernames replay with a fixed seed.
import { randomBytes } from "node:crypto";

/** mulberry32: deterministic RNG for fault injection and generated usernames. */
export function createRng(seed: number | null): () => number {
  let a = (seed ?? randomBytes(4).readUInt32BE()) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
