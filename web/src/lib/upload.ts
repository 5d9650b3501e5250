// Uploads a local video through the API's multipart protocol, resumably: the file's fingerprint finds an unfinished
// upload of the same file (a reload, a dropped network) and only the parts the server lacks are sent, several at once.
// create → PUT the missing parts (PARALLEL_PARTS in flight) → complete → wait for the probe's verdict.
import { VIDEO_TYPES, type VideoType } from "../../../src/videos/video-rules.ts";
import { ApiError, api, type Video } from "../api.ts";
import { t } from "../i18n/index.ts";
import { aborted, putPartWithRetry, sleep } from "./upload-parts.ts";
import { progressMeter, type UploadProgress } from "./upload-progress.ts";
import { findUpload, fingerprintOf, forgetUpload, rememberUpload } from "./upload-store.ts";

/** Parts in flight at once: enough to fill an uplink past one request's latency, few enough to retry cheaply. */
export const PARALLEL_PARTS = 4;
/** The probe takes about a second; past this the page stops waiting and says the check is still running. */
const VERDICT_WAIT_MS = 120_000;

export interface UploadOptions {
  signal: AbortSignal;
  onProgress: (progress: UploadProgress) => void;
  /** The server-side video is known (new, or found again with `resumedParts` already stored). */
  onStarted?: (video: Video, resumedParts: number) => void;
}

export async function uploadVideo(file: File, options: UploadOptions): Promise<Video> {
  const { signal } = options;
  const contentType = contentTypeOf(file);
  const fingerprint = await fingerprintOf(file);
  const { video, stored } = await resumeOrCreate(file, contentType, fingerprint);
  options.onStarted?.(video, stored.size);
  if (video.status !== "uploading") {
    forgetUpload(fingerprint);
    return video;
  }
  const sizeOf = (n: number) => Math.min(video.partSize, file.size - (n - 1) * video.partSize);
  const already = [...stored].reduce((sum, n) => sum + sizeOf(n), 0);
  const meter = progressMeter(file.size, already);
  const loaded = new Map<number, number>();
  const report = () => options.onProgress(meter(already + [...loaded.values()].reduce((a, b) => a + b, 0)));
  report();

  const missing = Array.from({ length: video.partCount }, (_, i) => i + 1).filter((n) => !stored.has(n));
  const next = () => missing.shift();
  const worker = async () => {
    for (let n = next(); n !== undefined; n = next()) {
      const part = n;
      const blob = file.slice((part - 1) * video.partSize, (part - 1) * video.partSize + sizeOf(part));
      await putPartWithRetry(api.videoPartUrl(video.id, part), blob, signal, (bytes) => {
        loaded.set(part, bytes);
        report();
      });
      loaded.set(part, blob.size);
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, missing.length) }, worker));
  if (signal.aborted) throw aborted();
  const completed = await api.completeVideo(video.id);
  forgetUpload(fingerprint);
  return completed.video;
}

/** The unfinished upload this file was going to, if the server still has it; else a new one. */
async function resumeOrCreate(file: File, contentType: VideoType, fingerprint: string) {
  const known = findUpload(fingerprint);
  if (known) {
    try {
      const { video } = await api.video(known.videoId);
      if (video.size === file.size) return { video, stored: new Set(video.parts) };
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    forgetUpload(fingerprint); // aborted by the cron, deleted, or another file after all
  }
  const { video } = await api.createVideo({ filename: file.name, size: file.size, contentType });
  rememberUpload(fingerprint, video.id);
  return { video, stored: new Set<number>() };
}

/** Polls the video until its probe decided (`ready` or `rejected`), backing off from 0.5 s to 3 s. */
export async function waitForVerdict(videoId: string, signal: AbortSignal): Promise<Video> {
  const started = Date.now();
  for (let delay = 500; ; delay = Math.min(3_000, delay * 1.5)) {
    const { video } = await api.video(videoId);
    if (video.status === "ready" || video.status === "rejected") return video;
    if (Date.now() - started > VERDICT_WAIT_MS) {
      throw new ApiError(0, "still_processing", t("video.stillChecking"));
    }
    await sleep(delay, signal);
  }
}

/** Cancels an unfinished upload: the server aborts the multipart upload, and the page forgets it. */
export async function cancelUpload(file: File, videoId: string) {
  forgetUpload(await fingerprintOf(file));
  await api.deleteVideo(videoId);
}

/** The file's type as the API takes it; any other declared type is refused here, before a byte is sent. */
function contentTypeOf(file: File): VideoType {
  if (!file.type) return guessContentType(file.name);
  const known = VIDEO_TYPES.find((type) => type === file.type);
  if (!known) throw new ApiError(0, "not_a_video", t("video.notAVideo"));
  return known;
}

function guessContentType(filename: string): VideoType {
  const ext = filename.toLowerCase().split(".").pop();
  if (ext === "mov") return "video/quicktime";
  if (ext === "webm") return "video/webm";
  if (ext === "mp4" || ext === "m4v") return "video/mp4";
  throw new ApiError(0, "not_a_video", t("video.notAVideo"));
}
