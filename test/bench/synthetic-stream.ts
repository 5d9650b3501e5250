// The bytes of test/fixtures/synthetic-mp4.ts's syntheticMp4(size, durationSec, seed), produced piece by
// piece so a 1 GB video never sits in memory (same header, same xorshift filler, byte for byte).
import { syntheticMp4 } from "../fixtures/synthetic-mp4";

export class SyntheticMp4Stream {
  private readonly head: Uint8Array;
  private offset = 0;
  private x: number;
  readonly size: number;

  constructor(size: number, durationSec = 5, seed = 1) {
    this.size = size;
    // The header is the first bytes of a tiny synthetic MP4, with the mdat size patched for `size`.
    const tiny = syntheticMp4(4096, durationSec, seed);
    const mdatAt = findMdat(tiny);
    this.head = tiny.slice(0, mdatAt + 8);
    new DataView(this.head.buffer).setUint32(mdatAt, size - mdatAt);
    this.x = seed >>> 0 || 1;
  }

  get position() {
    return this.offset;
  }

  /** The next `length` bytes (fewer at the end). */
  next(length: number): Uint8Array {
    const n = Math.min(length, this.size - this.offset);
    const out = new Uint8Array(n);
    let i = 0;
    while (i < n && this.offset + i < this.head.byteLength) {
      out[i] = this.head[this.offset + i]!;
      i++;
    }
    let x = this.x;
    for (; i < n; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = x & 0xff;
    }
    this.x = x;
    this.offset += n;
    return out;
  }
}

/** Offset of the mdat box: it follows the ftyp and moov boxes. */
function findMdat(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ftyp = view.getUint32(0);
  const at = ftyp + view.getUint32(ftyp);
  if (String.fromCharCode(...bytes.slice(at + 4, at + 8)) !== "mdat") throw new Error("no mdat box after ftyp + moov");
  return at;
}
