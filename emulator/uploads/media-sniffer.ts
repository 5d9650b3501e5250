// Streaming media sniffer: container magic (ftyp / EBML), the MP4 moov/mvhd duration wherever moov sits, and the
// parts of the file a prober reads (the first and last bytes, every top-level box header, the whole moov), kept so
// media-check.ts can run TikTok's media checks after the upload without the emulator holding the whole video.

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
/** A moov bigger than this is not captured (duration then unknown). */
const MAX_MOOV_BYTES = 16 * 1024 * 1024;
/** WebM keeps its tracks and first clusters at the start and its cues near the end: the bytes kept there. */
const HEAD_KEEP = 8 * 1024 * 1024;
const TAIL_KEEP = 1024 * 1024;

/** Bytes kept from absolute offset `start`. */
export type Segment = { start: number; bytes: Buffer };

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
  /** Absolute offset of the moov box's body. */
  moovStart = 0;
  private headKept: Buffer[] = [];
  private headBytes = 0;
  private tailKept: Segment[] = [];
  private boxHeaders: Segment[] = [];
  /** Bytes fed so far (the file's size once it is whole). */
  received = 0;

  feed(buf: Uint8Array): void {
    let chunk = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    this.keep(chunk);
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
    this.boxHeaders.push({ start: this.pos - this.hdr.length, bytes: this.hdr });
    this.hdr = Buffer.alloc(0);
    if (size < hlen) {
      this.broken = true;
      return;
    }
    this.boxEnd = this.pos - hlen + size;
    this.capture = type === "moov" && size - hlen <= MAX_MOOV_BYTES ? [] : null;
    if (this.capture) this.moovStart = this.pos;
    if (this.pos === this.boxEnd) this.finishCapture();
  }

  /** Independent copy, so a chunk that fails mid-body can be discarded without corrupting state. */
  clone(): MediaSniffer {
    const c = new MediaSniffer();
    Object.assign(c, { head: this.head, pos: this.pos, boxEnd: this.boxEnd, hdr: this.hdr, broken: this.broken, moov: this.moov });
    Object.assign(c, { moovStart: this.moovStart, headBytes: this.headBytes, received: this.received, boxHeaders: [...this.boxHeaders] });
    c.capture = this.capture ? [...this.capture] : null;
    c.headKept = [...this.headKept];
    c.tailKept = [...this.tailKept];
    return c;
  }

  /** Keeps the first HEAD_KEEP and the last TAIL_KEEP bytes (chunks are copied: the caller may reuse its buffer). */
  private keep(chunk: Buffer): void {
    const start = this.received;
    this.received += chunk.length;
    if (this.headBytes < HEAD_KEEP) {
      const take = chunk.subarray(0, HEAD_KEEP - this.headBytes);
      this.headKept.push(Buffer.from(take));
      this.headBytes += take.length;
    }
    const tail = chunk.subarray(Math.max(0, chunk.length - TAIL_KEEP));
    this.tailKept.push({ start: start + chunk.length - tail.length, bytes: Buffer.from(tail) });
    // Drop whole segments that end before the last TAIL_KEEP bytes (amortised: each is dropped once).
    let drop = 0;
    while (drop < this.tailKept.length - 1 && this.tailKept[drop]!.start + this.tailKept[drop]!.bytes.length <= this.received - TAIL_KEEP)
      drop++;
    if (drop > 0) this.tailKept.splice(0, drop);
  }

  /** Everything kept, as absolute segments (a reader serves ranges that fall inside one). */
  segments(): Segment[] {
    const kept: Segment[] = [{ start: 0, bytes: Buffer.concat(this.headKept) }, ...this.tailKept, ...this.boxHeaders];
    if (this.moov) kept.push({ start: this.moovStart, bytes: this.moov });
    return kept;
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
