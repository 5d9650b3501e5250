// A WebM of any size laid out as a muxer writes one (EBML header; Segment with Info carrying the duration, Tracks with
// one VP9 1080×1920 30 fps track; then one Cluster per second of 30 SimpleBlocks), readable at any offset without
// holding it: every cluster is the same template with its own timecode. For the probe benchmark.

const FPS = 30;

function vint(value: number, width = 8) {
  const out = new Uint8Array(width);
  for (let i = width - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) out[i] = v % 256;
  out[0]! |= 1 << (8 - width); // the length marker: 0x01 for 8 bytes, 0x80 for 1
  return out;
}

function uint(value: number, width: number) {
  const out = new Uint8Array(width);
  for (let i = width - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) out[i] = v % 256;
  return out;
}

function concat(...parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const el = (id: number[], ...payload: Uint8Array[]) => {
  const body = concat(...payload);
  return concat(new Uint8Array(id), vint(body.byteLength), body);
};
const text = (s: string) => new TextEncoder().encode(s);
const float64 = (v: number) => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setFloat64(0, v);
  return out;
};

export class SyntheticWebm {
  readonly size: number;
  private readonly head: Uint8Array;
  private readonly cluster: Uint8Array;
  private readonly timecodeAt: number;

  /** About `targetSize` bytes (exactly `size`) lasting `durationSec` whole seconds. */
  constructor(targetSize: number, durationSec = 600) {
    const overhead = 4 + 8 + (1 + 1 + 4) + FPS * (1 + 8 + 4);
    const frameBytes = Math.max(1, Math.floor(((targetSize - 400) / durationSec - overhead) / FPS));
    const frame = new Uint8Array(frameBytes).map((_, i) => (i * 2654435761) >>> 24);
    const blocks = Array.from({ length: FPS }, (_, k) =>
      el([0xa3], new Uint8Array([0x81]), uint(Math.round((k * 1000) / FPS), 2), new Uint8Array([k === 0 ? 0x80 : 0]), frame),
    );
    this.cluster = el([0x1f, 0x43, 0xb6, 0x75], new Uint8Array([0xe7, 0x84]), uint(0, 4), ...blocks);
    this.timecodeAt = 4 + 8 + 2;
    const ebml = el(
      [0x1a, 0x45, 0xdf, 0xa3],
      el([0x42, 0x86], uint(1, 1)),
      el([0x42, 0xf7], uint(1, 1)),
      el([0x42, 0xf2], uint(4, 1)),
      el([0x42, 0xf3], uint(8, 1)),
      el([0x42, 0x82], text("webm")),
      el([0x42, 0x87], uint(4, 1)),
      el([0x42, 0x85], uint(2, 1)),
    );
    const info = el(
      [0x15, 0x49, 0xa9, 0x66],
      el([0x2a, 0xd7, 0xb1], uint(1_000_000, 4)),
      el([0x44, 0x89], float64(durationSec * 1000)),
      el([0x4d, 0x80], text("postflare-bench")),
      el([0x57, 0x41], text("postflare-bench")),
    );
    const video = el([0xe0], el([0xb0], uint(1080, 2)), el([0xba], uint(1920, 2)));
    const track = el(
      [0xae],
      el([0xd7], uint(1, 1)),
      el([0x73, 0xc5], uint(1, 1)),
      el([0x83], uint(1, 1)),
      el([0x86], text("V_VP9")),
      el([0x23, 0xe3, 0x83], uint(Math.round(1e9 / FPS), 4)),
      video,
    );
    const tracks = el([0x16, 0x54, 0xae, 0x6b], track);
    const segmentBody = info.byteLength + tracks.byteLength + durationSec * this.cluster.byteLength;
    this.head = concat(ebml, new Uint8Array([0x18, 0x53, 0x80, 0x67]), vint(segmentBody), info, tracks);
    this.size = this.head.byteLength + durationSec * this.cluster.byteLength;
  }

  /** Bytes [start, end). */
  read(start: number, end: number): Uint8Array {
    const out = new Uint8Array(end - start);
    for (let at = start; at < end; ) {
      if (at < this.head.byteLength) {
        const n = Math.min(end, this.head.byteLength) - at;
        out.set(this.head.subarray(at, at + n), at - start);
        at += n;
        continue;
      }
      const index = Math.floor((at - this.head.byteLength) / this.cluster.byteLength);
      const within = at - this.head.byteLength - index * this.cluster.byteLength;
      const n = Math.min(end - at, this.cluster.byteLength - within);
      const piece = this.cluster.slice(within, within + n);
      const timecode = uint(index * 1000, 4);
      for (let i = 0; i < 4; i++) {
        const pos = this.timecodeAt + i - within;
        if (pos >= 0 && pos < n) piece[pos] = timecode[i]!;
      }
      out.set(piece, at - start);
      at += n;
    }
    return out;
  }
}
