// The verdict on a probed video against TikTok's media rules (video-processing.md): every problem in plain words
// with a stable code (any problem = `rejected`), and warnings that do not block. Pure: no I/O.
import { HIGH_BITRATE_BPS, type ProblemCode, TIKTOK_MEDIA as RULES } from "./video-rules";
import type { VideoProbe, VideoProblem, VideoWarning } from "./videos.schemas";

/** Why a file could not be probed at all (video-probe.ts): it is `unreadable` or in a container TikTok refuses. */
export type ProbeFailure = { code: Extract<ProblemCode, "unreadable" | "unsupported_container">; message: string };

export type Verdict = { problems: VideoProblem[]; warnings: VideoWarning[] };

const EXPORT_HINT = "Export it again as an MP4 (H.264) from your editor and upload that.";
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export function verdictFor(probe: VideoProbe | ProbeFailure, size: number): Verdict {
  const problems: VideoProblem[] = [];
  if (size > RULES.maxBytes) {
    problems.push({ code: "too_large", message: `The file is ${formatGb(size)}; TikTok takes videos up to 4 GB.` });
  }
  if ("code" in probe) return { problems: [...problems, probe], warnings: [] };
  if (!(RULES.containers as readonly string[]).includes(probe.container)) {
    problems.push({
      code: "unsupported_container",
      message: `TikTok takes MP4, MOV or WebM files, not ${probe.container}. ${EXPORT_HINT}`,
    });
  }
  if (!(RULES.videoCodecs as readonly string[]).includes(probe.videoCodec)) {
    problems.push({
      code: "unsupported_codec",
      message: `The video is encoded as ${probe.videoCodec}; TikTok takes H.264, H.265, VP8 or VP9. ${EXPORT_HINT}`,
    });
  }
  if (!(probe.fps >= RULES.minFps && probe.fps <= RULES.maxFps)) {
    problems.push({
      code: "frame_rate_out_of_range",
      message: `The video runs at ${Math.round(probe.fps * 100) / 100} frames per second; TikTok takes ${RULES.minFps} to ${RULES.maxFps}. Export it at 30 fps.`,
    });
  }
  const sides = [probe.width, probe.height];
  if (sides.some((side) => side < RULES.minSidePx || side > RULES.maxSidePx)) {
    problems.push({
      code: "resolution_out_of_range",
      message: `The video is ${probe.width}×${probe.height} px; each side must be ${RULES.minSidePx} to ${RULES.maxSidePx} px. Export it at 1080×1920.`,
    });
  }
  if (probe.durationMs > RULES.maxDurationSec * 1000) {
    problems.push({
      code: "too_long",
      message: `The video lasts ${seconds(probe.durationMs)}; TikTok's API takes videos up to ${RULES.maxDurationSec / 60} minutes. Trim it.`,
    });
  }
  return { problems, warnings: warningsFor(probe) };
}

function warningsFor(probe: VideoProbe): VideoWarning[] {
  const warnings: VideoWarning[] = [];
  // 9:16 within 1 %: 1080×1920, 720×1280, and encoders' rounding (e.g. 368×656) all count as vertical.
  if (probe.height === 0 || Math.abs(probe.width / probe.height - 9 / 16) > 0.01 * (9 / 16)) {
    warnings.push({
      code: "not_vertical",
      message: `The video is ${probe.width}×${probe.height}, not 9:16: TikTok will show it with bars or cropped.`,
    });
  }
  if (probe.audioCodec === null) warnings.push({ code: "no_audio", message: "The video has no sound track." });
  if (probe.bitrate > HIGH_BITRATE_BPS) {
    warnings.push({
      code: "high_bitrate",
      message: `The video's bitrate is ${Math.round(probe.bitrate / 1_000_000)} Mbit/s: TikTok re-encodes it anyway, and uploading takes longer.`,
    });
  }
  return warnings;
}

const formatGb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;
