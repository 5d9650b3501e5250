// The bytes of test/fixtures/synthetic-mp4.ts's syntheticMp4(size, durationSec, seed, options), produced piece by
// piece so a 1 GB video never sits in memory (same header, same xorshift filler, same trailing moov, byte for byte).
import { type SyntheticOptions, syntheticMp4Layout, xorshiftFill } from "../fixtures/synthetic-mp4";

export class SyntheticMp4Stream {
  private readonly layout: ReturnType<typeof syntheticMp4Layout>;
  private offset = 0;
  private x: number;
  readonly size: number;

  constructor(size: number, durationSec = 5, seed = 1, options: SyntheticOptions = {}) {
    this.size = size;
    this.layout = syntheticMp4Layout(size, durationSec, options);
    this.x = seed >>> 0 || 1;
  }

  get position() {
    return this.offset;
  }

  /** The next `length` bytes (fewer at the end). */
  next(length: number): Uint8Array {
    const n = Math.min(length, this.size - this.offset);
    const out = new Uint8Array(n);
    const { head, payloadLength, tail } = this.layout;
    const fillerEnd = head.byteLength + payloadLength;
    let i = 0;
    for (; i < n && this.offset + i < head.byteLength; i++) out[i] = head[this.offset + i]!;
    const fill = Math.max(0, Math.min(n, fillerEnd - this.offset) - i);
    this.x = xorshiftFill(out.subarray(i, i + fill), this.x);
    i += fill;
    for (; i < n; i++) out[i] = tail[this.offset + i - fillerEnd]!;
    this.offset += n;
    return out;
  }
}
