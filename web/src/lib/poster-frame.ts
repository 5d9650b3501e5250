// A poster frame from the chosen file, taken in the browser (<video> + canvas, video-processing.md "Thumbnails"), as
// a JPEG under the server's 512 KB limit. Browsers that cannot decode the file (e.g. HEVC, or Chromium without
// H.264) give no frame: the caller shows a placeholder.

const MAX_SIDE_PX = 640;
const MAX_BYTES = 500 * 1024;
const TIMEOUT_MS = 10_000;

/** The frame at `atSec` (default: 1 s in, or a tenth of a shorter video), or null when the browser cannot decode it. */
export async function posterFrame(file: Blob, atSec?: number): Promise<Blob | null> {
  const url = URL.createObjectURL(file);
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.preload = "auto";
  try {
    video.src = url;
    await once(video, "loadeddata");
    const at = atSec ?? Math.min(1, (Number.isFinite(video.duration) ? video.duration : 0) / 10);
    if (at > 0) {
      video.currentTime = at;
      await once(video, "seeked");
    }
    return await encode(video);
  } catch (error) {
    console.info("no poster frame from this file", error);
    return null;
  } finally {
    video.removeAttribute("src");
    video.load();
    URL.revokeObjectURL(url);
  }
}

function once(target: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error(`no ${event} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    const settle = (done: () => void) => () => {
      window.clearTimeout(timer);
      done();
    };
    target.addEventListener(event, settle(resolve), { once: true });
    target.addEventListener(
      "error",
      settle(() => reject(target.error)),
      { once: true },
    );
  });
}

async function encode(video: HTMLVideoElement): Promise<Blob | null> {
  if (!video.videoWidth || !video.videoHeight) return null;
  const scale = Math.min(1, MAX_SIDE_PX / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext("2d")?.drawImage(video, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.82, 0.6, 0.4]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
    if (blob && blob.size <= MAX_BYTES) return blob;
  }
  return null;
}

/** Uploads the poster frame next to the video; a failure only costs the thumbnail. */
export async function uploadPosterFrame(url: string, frame: Blob): Promise<boolean> {
  try {
    const res = await fetch(url, { method: "PUT", body: frame, credentials: "same-origin", headers: { "Content-Type": frame.type } });
    return res.ok;
  } catch (error) {
    console.warn("uploading the poster frame failed", error);
    return false;
  }
}
