// Reads an MP4/MOV duration from R2 without downloading the video: walk the top-level boxes with small
// ranged reads (one header each) until `moov`, then read `moov` and its `mvhd`. WebM/unknown → null.

const MAX_BOXES = 64;
const MAX_MOOV_BYTES = 8 * 1024 * 1024;

async function readRange(bucket: R2Bucket, key: string, offset: number, length: number): Promise<Uint8Array | null> {
  const object = await bucket.get(key, { range: { offset, length } });
  return object ? new Uint8Array(await object.arrayBuffer()) : null;
}

const fourcc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/** Duration in seconds, or null when the file is not an ISO-BMFF file with a readable mvhd. */
export async function mp4DurationSec(bucket: R2Bucket, key: string, size: number): Promise<number | null> {
  let offset = 0;
  for (let i = 0; i < MAX_BOXES && offset + 8 <= size; i++) {
    const header = await readRange(bucket, key, offset, Math.min(16, size - offset));
    if (!header || header.byteLength < 8) return null;
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    let boxSize = view.getUint32(0);
    const type = fourcc(header, 4);
    if (i === 0 && type !== "ftyp") return null;
    if (boxSize === 1 && header.byteLength >= 16) boxSize = Number(view.getBigUint64(8));
    if (boxSize === 0) boxSize = size - offset;
    if (boxSize < 8) return null;
    if (type === "moov") {
      if (boxSize > MAX_MOOV_BYTES) return null;
      const moov = await readRange(bucket, key, offset, boxSize);
      return moov ? mvhdDuration(moov) : null;
    }
    offset += boxSize;
  }
  return null;
}

/** Finds mvhd among moov's children: version 0 (32-bit fields) or 1 (64-bit). */
export function mvhdDuration(moov: Uint8Array): number | null {
  const view = new DataView(moov.buffer, moov.byteOffset, moov.byteLength);
  let at = 8;
  while (at + 8 <= moov.byteLength) {
    const size = view.getUint32(at);
    if (size < 8) return null;
    if (fourcc(moov, at + 4) === "mvhd") {
      const version = moov[at + 8];
      const timescale = version === 1 ? view.getUint32(at + 28) : view.getUint32(at + 20);
      const duration = version === 1 ? Number(view.getBigUint64(at + 32)) : view.getUint32(at + 24);
      return timescale > 0 ? duration / timescale : null;
    }
    at += size;
  }
  return null;
}
