// Upload progress as a person reads it: percentage, speed over the last few seconds, and time left at that speed.
// Bytes the server already had (a resumed upload) count toward the percentage, never toward the speed.

export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
  /** 0..100, floored (100 only when every byte is in). */
  percent: number;
  /** Bytes per second over the last SPEED_WINDOW_MS; null until two samples a moment apart exist. */
  bytesPerSecond: number | null;
  secondsLeft: number | null;
}

const SPEED_WINDOW_MS = 5_000;

export function progressMeter(totalBytes: number, alreadyThere = 0, now: () => number = () => performance.now()) {
  const samples: [number, number][] = [];
  return (sentBytes: number): UploadProgress => {
    const at = now();
    samples.push([at, sentBytes]);
    while (samples.length > 2 && samples[0]![0] < at - SPEED_WINDOW_MS) samples.shift();
    const [firstAt, firstBytes] = samples[0]!;
    const elapsed = (at - firstAt) / 1000;
    const speed = elapsed >= 0.5 && sentBytes > alreadyThere ? Math.max(0, (sentBytes - firstBytes) / elapsed) : null;
    const left = totalBytes - sentBytes;
    return {
      sentBytes,
      totalBytes,
      percent: totalBytes > 0 ? Math.min(100, Math.floor((sentBytes / totalBytes) * 100)) : 100,
      bytesPerSecond: speed,
      secondsLeft: speed ? Math.ceil(left / speed) : left === 0 ? 0 : null,
    };
  };
}
