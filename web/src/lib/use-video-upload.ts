// State for the composer's video: local preview URL, duration, the resumable upload's progress (percentage, speed,
// time left), its poster frame, cancel, and then the server's verdict on the file (ready, or rejected with reasons).
import { useEffect, useRef, useState } from "preact/hooks";
import { VIDEO_TYPES } from "../../../src/videos/video-rules.ts";
import { ApiError, api, messageOf, type Video } from "../api.ts";
import { t } from "../i18n/index.ts";
import { mp4DurationSec } from "./mp4-duration.ts";
import { posterFrame, uploadPosterFrame } from "./poster-frame.ts";
import { cancelUpload, uploadVideo, waitForVerdict } from "./upload.ts";

export interface VideoUploadState {
  file: File | null;
  previewUrl: string | null;
  /** Seconds: the probe's once known, before that the <video> element's or the MP4 header's; null until known. */
  durationSec: number | null;
  /** processing = uploaded, being checked; rejected = the check found problems (in `video.problems`). */
  phase: "empty" | "uploading" | "processing" | "ready" | "rejected" | "failed" | "cancelled";
  /** 0..100 over all parts. */
  progress: number;
  bytesPerSecond: number | null;
  secondsLeft: number | null;
  /** Parts the server already had when this upload started (a resumed upload), and how many there are. */
  resumedParts: number;
  partCount: number;
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
  bytesPerSecond: null,
  secondsLeft: null,
  resumedParts: 0,
  partCount: 0,
  video: null,
  error: null,
  retryable: false,
};

const verdictPhase = (video: Video) => (video.status === "ready" ? "ready" : "rejected");
const probedSeconds = (video: Video, fallback: number | null) => (video.probe ? video.probe.durationMs / 1000 : fallback);

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
  const videoIdRef = useRef<string | null>(null);

  const finish = (video: Video) =>
    setState((s) => ({ ...s, phase: verdictPhase(video), progress: 100, video, durationSec: probedSeconds(video, s.durationSec) }));

  const start = (file: File) => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const { signal } = controller;
    setState((s) => ({ ...s, phase: "uploading", progress: 0, bytesPerSecond: null, secondsLeft: null, video: null, error: null }));
    const frame = posterFrame(file);
    uploadVideo(file, {
      signal,
      onStarted: (video, resumedParts) => {
        videoIdRef.current = video.id;
        setState((s) => ({ ...s, resumedParts, partCount: video.partCount, video }));
        if (!video.thumbnailUrl) void frame.then((blob) => blob && uploadPosterFrame(api.videoThumbnailUrl(video.id), blob));
      },
      onProgress: (p) => {
        if (signal.aborted) return;
        setState((s) =>
          s.progress === p.percent && s.secondsLeft === p.secondsLeft
            ? s
            : { ...s, progress: p.percent, bytesPerSecond: p.bytesPerSecond, secondsLeft: p.secondsLeft },
        );
      },
    })
      .then(async (video) => {
        if (signal.aborted) return;
        setState((s) => ({ ...s, phase: "processing", progress: 100, secondsLeft: 0, video }));
        finish(video.status === "ready" || video.status === "rejected" ? video : await waitForVerdict(video.id, signal));
      })
      .catch((error: unknown) => {
        if (signal.aborted || (error instanceof ApiError && error.code === "aborted")) return;
        setState((s) => ({ ...s, phase: "failed", ...describeFailure(error) }));
      });
  };

  const select = (file: File | null) => {
    abortRef.current?.abort();
    videoIdRef.current = null;
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

  /** Stops the upload and has the server abort it (its stored parts are dropped). */
  const cancel = () => {
    abortRef.current?.abort();
    const { file } = state;
    const videoId = videoIdRef.current;
    setState((s) => ({ ...s, phase: "cancelled", bytesPerSecond: null, secondsLeft: null }));
    if (file && videoId) {
      cancelUpload(file, videoId).catch((error: unknown) => setState((s) => ({ ...s, error: messageOf(error) })));
    }
  };

  const setDurationFromElement = (seconds: number) => {
    if (Number.isFinite(seconds) && seconds > 0) setState((s) => (s.video?.probe ? s : { ...s, durationSec: seconds }));
  };

  const retry = () => {
    if (state.file) start(state.file);
  };

  /** An already uploaded video (a draft's, or one picked from the library): previewed from the API, nothing sent. */
  const adoptExisting = (video: Video) => {
    abortRef.current?.abort();
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
    const controller = new AbortController();
    abortRef.current = controller;
    const checked = video.status === "ready" || video.status === "rejected";
    const previewUrl = api.videoContentUrl(video.id);
    setState({ ...EMPTY, phase: checked ? verdictPhase(video) : "processing", progress: 100, video, previewUrl });
    if (checked) return finish(video);
    waitForVerdict(video.id, controller.signal).then(finish, (error: unknown) => {
      if (!controller.signal.aborted) setState((s) => ({ ...s, phase: "failed", ...describeFailure(error) }));
    });
  };

  useEffect(
    () => () => {
      abortRef.current?.abort();
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  return { state, select, retry, cancel, setDurationFromElement, adoptExisting };
}
