// Uploads a local video file through the API's multipart protocol: create → PUT each part → complete.
import { VIDEO_TYPES, type VideoType } from "../../../src/videos/video-rules.ts";
import { ApiError, api, toApiError, type Video } from "../api.ts";
import { t } from "../i18n/index.ts";

/** Each part is retried this many times after its first failure (network errors, 408, 429 and 5xx only). */
export const PART_RETRIES = 3;
const RETRY_BASE_DELAY_MS = 500;

export interface UploadOptions {
  /** Overall progress in bytes across all parts. */
  onProgress: (uploadedBytes: number, totalBytes: number) => void;
  signal: AbortSignal;
}

export async function uploadVideo(file: File, { onProgress, signal }: UploadOptions): Promise<Video> {
  const contentType = contentTypeOf(file);
  const { video } = await api.createVideo({ filename: file.name, size: file.size, contentType });
  if (signal.aborted) throw new ApiError(0, "aborted", t("upload.cancelled"));
  let doneBytes = 0;
  onProgress(0, file.size);
  for (let partNumber = 1; partNumber <= video.partCount; partNumber++) {
    const start = (partNumber - 1) * video.partSize;
    const blob = file.slice(start, Math.min(partNumber * video.partSize, file.size));
    await putPartWithRetry(video.id, partNumber, blob, signal, (loaded) => onProgress(doneBytes + loaded, file.size));
    doneBytes += blob.size;
    onProgress(doneBytes, file.size);
  }
  const completed = await api.completeVideo(video.id);
  return completed.video;
}

async function putPartWithRetry(
  videoId: string,
  partNumber: number,
  blob: Blob,
  signal: AbortSignal,
  onLoaded: (bytes: number) => void,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await putPart(api.videoPartUrl(videoId, partNumber), blob, signal, onLoaded);
      return;
    } catch (error) {
      onLoaded(0);
      if (signal.aborted || attempt >= PART_RETRIES || !isRetryable(error)) throw error;
      await sleep(RETRY_BASE_DELAY_MS * 2 ** attempt, signal);
    }
  }
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** XMLHttpRequest rather than fetch: only XHR reports upload progress (`upload.onprogress`). */
function putPart(url: string, blob: Blob, signal: AbortSignal, onLoaded: (bytes: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    const settle = (error?: ApiError) => {
      signal.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve();
    };
    xhr.open("PUT", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) => onLoaded(Math.min(event.loaded, blob.size));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return settle();
      settle(toApiError(xhr.status, xhr.statusText, parseJson(xhr.responseText)));
    };
    xhr.onerror = () => settle(new ApiError(0, "network_error", t("upload.dropped")));
    xhr.ontimeout = () => settle(new ApiError(0, "network_error", t("upload.timedOut")));
    xhr.onabort = () => settle(new ApiError(0, "aborted", t("upload.cancelled")));
    if (signal.aborted) return settle(new ApiError(0, "aborted", t("upload.cancelled")));
    xhr.send(blob);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // Non-JSON error bodies are reported by HTTP status (see toApiError).
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        window.clearTimeout(timer);
        reject(new ApiError(0, "aborted", t("upload.cancelled")));
      },
      { once: true },
    );
  });
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
