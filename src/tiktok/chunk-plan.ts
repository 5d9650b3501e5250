// FILE_UPLOAD chunk plan. TikTok counts chunks with floor() and merges the remainder into the
// last chunk; chunks are 5-64 MB except the last (≤ 128 MB); ≤ 64 MB goes as one chunk (tiktok-api.md §3.4).
// Decimal megabytes satisfy both readings of "MB".

export const ONE_SHOT_MAX = 64_000_000;
export const DEFAULT_CHUNK = 10_000_000;
const MAX_CHUNK = 64_000_000;
const MAX_CHUNKS = 1000;

export type ChunkPlan = { videoSize: number; chunkSize: number; totalChunkCount: number };

export function planChunks(videoSize: number, preferredChunk = DEFAULT_CHUNK): ChunkPlan {
  if (!Number.isSafeInteger(videoSize) || videoSize <= 0) throw new RangeError("video size must be a positive integer");
  if (videoSize <= ONE_SHOT_MAX) return { videoSize, chunkSize: videoSize, totalChunkCount: 1 };
  const chunkSize = Math.min(MAX_CHUNK, Math.max(preferredChunk, Math.ceil(videoSize / MAX_CHUNKS)));
  return { videoSize, chunkSize, totalChunkCount: Math.floor(videoSize / chunkSize) };
}

/** Inclusive byte range of chunk `index` (0-based). */
export function chunkRange(plan: ChunkPlan, index: number): { first: number; last: number; length: number } {
  const first = index * plan.chunkSize;
  const last = index === plan.totalChunkCount - 1 ? plan.videoSize - 1 : first + plan.chunkSize - 1;
  return { first, last, length: last - first + 1 };
}
