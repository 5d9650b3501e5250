// Streaming media sniffer: container magic (ftyp / EBML) and the MP4 moov/mvhd duration, wherever moov sits.

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
/** A moov bigger than this is not captured (duration then unknown). */
const MAX_MOOV_BYTES = 16 * 1024 * 1024;

export type Container = "mp4" | "webm" | "unknown";

/**
 * Walks top-level ISO-BMFF boxes as bytes stream past, keeping only the first 16 bytes
 * and the moov box; memory stays small however large the video is.
 */
export class MediaSniffer {
  private head = Buffer.alloc(0);
  private pos = 0; // absolute offset of the next byte to consume
  private boxEnd = 0; // absolute end of the current box
  private hdr = Buffer.alloc(0); // header bytes of the next box, being assembled
  private capture: Buffer[] | null = null;
  private broken = false;
  moov: Buffer | null = null;

  feed(buf: Uint8Array): void {
    let chunk = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (this.head.length < 16) this.head = Buffer.concat([this.head, chunk.subarray(0, 16 - this.head.length)]);
    while (chunk.length > 0 && !this.broken) {
      if (this.pos < this.boxEnd) {
        const take = Math.min(chunk.length, this.boxEnd - this.pos);
        this.capture?.push(Buffer.from(chunk.subarray(0, take)));
        this.pos += take;
        chunk = chunk.subarray(take);
        if (this.pos === this.boxEnd) this.finishCapture();
        continue;
      }
      // Assemble an 8-byte header, or 16 bytes when size == 1 (64-bit largesize).
      const want = this.hdr.length < 8 ? 8 : 16;
      const take = Math.min(want - this.hdr.length, chunk.length);
      this.hdr = Buffer.concat([this.hdr, chunk.subarray(0, take)]);
      this.pos += take;
      chunk = chunk.subarray(take);
      if (this.hdr.length >= 8) this.startBox();
    }
  }

  private startBox(): void {
    let size = this.hdr.readUInt32BE(0);
    if (size === 1 && this.hdr.length < 16) return;
    const hlen = size === 1 ? 16 : 8;
    if (size === 1) size = Number(this.hdr.readBigUInt64BE(8));
    if (size === 0) size = Number.MAX_SAFE_INTEGER - this.pos; // box runs to end of file
    const type = this.hdr.toString("latin1", 4, 8);
    this.hdr = Buffer.alloc(0);
    if (size < hlen) {
      this.broken = true;
      return;
    }
    this.boxEnd = this.pos - hlen + size;
    this.capture = type === "moov" && size - hlen <= MAX_MOOV_BYTES ? [] : null;
    if (this.pos === this.boxEnd) this.finishCapture();
  }

  /** Independent copy, so a chunk that fails mid-body can be discarded without corrupting state. */
  clone(): MediaSniffer {
    const c = new MediaSniffer();
    Object.assign(c, { head: this.head, pos: this.pos, boxEnd: this.boxEnd, hdr: this.hdr, broken: this.broken, moov: this.moov });
    c.capture = this.capture ? [...this.capture] : null;
    return c;
  }

  private finishCapture(): void {
    if (this.capture) this.moov = Buffer.concat(this.capture);
    this.capture = null;
  }

  container(): Container {
    if (this.head.length >= 8 && this.head.toString("latin1", 4, 8) === "ftyp") return "mp4";
    if (EBML_MAGIC.every((b, i) => this.head[i] === b)) return "webm";
    return "unknown";
  }

  /** Duration in seconds from moov/mvhd, or null when absent. */
  durationSec(): number | null {
    return this.moov ? mvhdDuration(this.moov) : null;
  }
}

/** Reads mvhd among moov's children: v0 = 32-bit timescale/duration, v1 = 64-bit duration. */
export function mvhdDuration(moovBody: Buffer): number | null {
  let off = 0;
  while (off + 8 <= moovBody.length) {
    let size = moovBody.readUInt32BE(off);
    const type = moovBody.toString("latin1", off + 4, off + 8);
    let hdr = 8;
    if (size === 1 && off + 16 <= moovBody.length) {
      size = Number(moovBody.readBigUInt64BE(off + 8));
      hdr = 16;
    }
    if (size < hdr) return null;
    if (type === "mvhd") {
      const p = off + hdr;
      const version = moovBody[p];
      if (version === 1 && p + 32 <= moovBody.length) {
        return Number(moovBody.readBigUInt64BE(p + 24)) / moovBody.readUInt32BE(p + 20);
      }
      if (p + 20 <= moovBody.length) return moovBody.readUInt32BE(p + 16) / moovBody.readUInt32BE(p + 12);
      return null;
    }
    off += size;
  }
  return null;
}
