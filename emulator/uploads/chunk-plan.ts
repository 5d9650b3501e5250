// FILE_UPLOAD chunk plan rules (tiktok-api.md §3.4) and the byte range each chunk must carry.
import type { ChunkRules } from "../core/options.ts";

export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  chunkCount: number;
}

/** null when valid, else a reason (the client sees TikTok's generic "The chunk size is invalid"). */
export function chunkPlanProblem(p: ChunkPlan, r: ChunkRules): string | null {
  const { videoSize: size, chunkSize: chunk, chunkCount: count } = p;
  if (![size, chunk, count].every((n) => Number.isSafeInteger(n) && n > 0)) return "sizes must be positive integers";
  if (size > r.maxVideoSize) return `video_size exceeds ${r.maxVideoSize}`;
  if (count > r.maxChunks) return `total_chunk_count exceeds ${r.maxChunks}`;
  // Rule 1: TikTok counts chunks with floor(); the remainder rides in the last chunk.
  if (count !== Math.floor(size / chunk)) return `total_chunk_count must be floor(video_size / chunk_size) = ${Math.floor(size / chunk)}`;
  // Rule 3: small videos go in one chunk whose chunk_size is the whole file.
  if (size < r.minChunk) return chunk === size && count === 1 ? null : "video_size below the minimum chunk needs chunk_size = video_size";
  if (count === 1) {
    if (size > r.maxChunk) return `video_size above ${r.maxChunk} must be multi-chunk`;
  }
  // Rule 2: every chunk within bounds; the last may grow up to maxLastChunk.
  if (chunk < r.minChunk || chunk > r.maxChunk) return `chunk_size must be within ${r.minChunk}..${r.maxChunk}`;
  const last = size - (count - 1) * chunk;
  if (last > r.maxLastChunk) return `last chunk would be ${last} bytes (> ${r.maxLastChunk})`;
  return null;
}

/** Inclusive byte range of chunk `i` (0-based). */
export function chunkRange(p: ChunkPlan, i: number): { first: number; last: number } {
  const first = i * p.chunkSize;
  const last = i === p.chunkCount - 1 ? p.videoSize - 1 : first + p.chunkSize - 1;
  return { first, last };
}
