// One part of a multipart upload: PUT by XMLHttpRequest (only XHR reports upload progress), retried with exponential
// backoff and jitter on network errors, 408, 429 and 5xx (and part_incomplete, a body cut short on the way).
import { ApiError, toApiError } from "../api.ts";
import { t } from "../i18n/index.ts";

/** Each part is retried this many times after its first failure. */
export const PART_RETRIES = 5;
const RETRY_BASE_DELAY_MS = 500;
const RETRY_MAX_DELAY_MS = 15_000;

export const aborted = () => new ApiError(0, "aborted", t("upload.cancelled"));

export async function putPartWithRetry(url: string, blob: Blob, signal: AbortSignal, onLoaded: (bytes: number) => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await putPart(url, blob, signal, onLoaded);
      return;
    } catch (error) {
      onLoaded(0);
      if (signal.aborted || attempt >= PART_RETRIES || !isRetryable(error)) throw error;
      const ceiling = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** attempt);
      await sleep(ceiling / 2 + (Math.random() * ceiling) / 2, signal);
    }
  }
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === "part_incomplete") return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

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
    xhr.onabort = () => settle(aborted());
    if (signal.aborted) return settle(aborted());
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

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(aborted());
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        window.clearTimeout(timer);
        reject(aborted());
      },
      { once: true },
    );
  });
}
