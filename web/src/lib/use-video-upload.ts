// State for the composer's video: local preview URL, duration, and the multipart upload's progress.
import { useEffect, useRef, useState } from "preact/hooks";
import { VIDEO_TYPES } from "../../../src/videos/video-rules.ts";
import { ApiError, api, messageOf, type Video } from "../api.ts";
import { t } from "../i18n/index.ts";
import { mp4DurationSec } from "./mp4-duration.ts";
import { uploadVideo } from "./upload.ts";

export interface VideoUploadState {
  file: File | null;
  previewUrl: string | null;
  /** Seconds, from the <video> element's metadata or, failing that, the MP4 header; null until known. */
  durationSec: number | null;
  phase: "empty" | "uploading" | "ready" | "failed";
  /** 0..100 over all parts. */
  progress: number;
  video: Video | null;
  error: string | null;
  /** Whether trying the same file again can help (a network or server hiccup), so "Retry" is worth showing. */
  retryable: boolean;
}

const EMPTY: VideoUploadState = {
  file: null,
  previewUrl: null,
  durationSec: null,
  phase: "empty",
  progress: 0,
  video: null,
  error: null,
  retryable: false,
};

/** The file's declared type or, when the browser gives none, its extension names a video we take. */
function looksLikeVideo(file: File): boolean {
  if (file.type) return (VIDEO_TYPES as readonly string[]).includes(file.type);
  return /\.(mp4|m4v|mov|webm)$/i.test(file.name);
}

/** A dropped connection or a server error may pass on a second try; a refusal of the file itself will not. */
function describeFailure(error: unknown): { error: string; retryable: boolean } {
  if (error instanceof ApiError) {
    if (error.code === "unsupported_video" || error.code === "not_a_video") return { error: t("video.notAVideo"), retryable: false };
    const retryable = error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
    return { error: messageOf(error), retryable };
  }
  return { error: messageOf(error), retryable: false };
}

export function useVideoUpload() {
  const [state, setState] = useState<VideoUploadState>(EMPTY);
  const abortRef = useRef<AbortController | null>(null);
  const urlRef = useRef<string | null>(null);

  const start = (file: File) => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setState((s) => ({ ...s, phase: "uploading", progress: 0, video: null, error: null }));
    uploadVideo(file, {
      signal: controller.signal,
      onProgress: (sent, total) => {
        if (controller.signal.aborted) return;
        const progress = total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 100;
        setState((s) => (s.progress === progress ? s : { ...s, progress }));
      },
    }).then(
      (video) => {
        if (controller.signal.aborted) return;
        if (video.status !== "ready") {
          setState((s) => ({ ...s, phase: "failed", error: t("video.notReady"), retryable: true }));
        } else {
          setState((s) => ({ ...s, phase: "ready", progress: 100, video }));
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted || (error instanceof ApiError && error.code === "aborted")) return;
        setState((s) => ({ ...s, phase: "failed", ...describeFailure(error) }));
      },
    );
  };

  const select = (file: File | null) => {
    abortRef.current?.abort();
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
    if (file && !looksLikeVideo(file)) {
      // Refused before a byte is sent (and nothing to preview): the reason, and no Retry that could not help.
      setState({ ...EMPTY, file, phase: "failed", error: t("video.notAVideo"), retryable: false });
      return;
    }
    urlRef.current = file ? URL.createObjectURL(file) : null;
    setState({ ...EMPTY, file, previewUrl: urlRef.current });
    if (!file) return;
    // The <video> element usually reports the duration first; the MP4 header covers browsers that can't decode it.
    mp4DurationSec(file).then(
      (seconds) => {
        if (seconds !== null) setState((s) => (s.file === file && s.durationSec === null ? { ...s, durationSec: seconds } : s));
      },
      (error: unknown) => console.warn("could not read the MP4 header", error),
    );
    start(file);
  };

  const setDurationFromElement = (seconds: number) => {
    if (Number.isFinite(seconds) && seconds > 0) setState((s) => ({ ...s, durationSec: seconds }));
  };

  const retry = () => {
    if (state.file) start(state.file);
  };

  /** An already uploaded video (a draft's, or one picked from the library): previewed from the API, nothing sent. */
  const adoptExisting = (video: Video) => {
    abortRef.current?.abort();
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
    setState({ ...EMPTY, phase: "ready", progress: 100, video, previewUrl: api.videoContentUrl(video.id) });
  };

  useEffect(
    () => () => {
      abortRef.current?.abort();
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  return { state, select, retry, setDurationFromElement, adoptExisting };
}
