// Reads a video's duration from its MP4/QuickTime `moov/mvhd` header, touching only a few small slices of the file.
// Fallback for browsers whose <video> element can't decode the file (e.g. Chromium builds without H.264), so the
// "longer than max_video_post_duration_sec" block (tiktok-api.md §8.1c) still works there.

const MAX_BOXES = 10_000;

async function bytes(file: Blob, start: number, length: number): Promise<DataView> {
  return new DataView(await file.slice(start, start + length).arrayBuffer());
}

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

async function readBox(file: Blob, start: number, limit: number): Promise<Box | null> {
  if (start + 8 > limit) return null;
  const view = await bytes(file, start, 16);
  if (view.byteLength < 8) return null;
  let size = view.getUint32(0);
  const type = String.fromCharCode(view.getUint8(4), view.getUint8(5), view.getUint8(6), view.getUint8(7));
  let headerSize = 8;
  if (size === 1) {
    if (view.byteLength < 16) return null;
    size = Number(view.getBigUint64(8));
    headerSize = 16;
  } else if (size === 0) {
    size = limit - start; // box runs to the end of its container
  }
  if (size < headerSize) return null;
  return { type, start, headerSize, end: Math.min(start + size, limit) };
}

async function findChild(file: Blob, start: number, end: number, type: string): Promise<Box | null> {
  let offset = start;
  for (let i = 0; i < MAX_BOXES; i++) {
    const box = await readBox(file, offset, end);
    if (!box) return null;
    if (box.type === type) return box;
    offset = box.end;
  }
  return null;
}

/** Duration in seconds, or null when the file isn't an MP4/MOV we can read. */
export async function mp4DurationSec(file: Blob): Promise<number | null> {
  const moov = await findChild(file, 0, file.size, "moov");
  if (!moov) return null;
  const mvhd = await findChild(file, moov.start + moov.headerSize, moov.end, "mvhd");
  if (!mvhd) return null;
  const view = await bytes(file, mvhd.start + mvhd.headerSize, 32);
  if (view.byteLength < 20) return null;
  const version = view.getUint8(0);
  // v0: version+flags(4) created(4) modified(4) timescale(4) duration(4); v1 widens the times and duration to 8 bytes.
  const timescale = version === 1 ? view.getUint32(20) : view.getUint32(12);
  const duration = version === 1 ? Number(view.getBigUint64(24)) : view.getUint32(16);
  if (!timescale || duration === 0xffffffff) return null;
  return duration / timescale;
}
