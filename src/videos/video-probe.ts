// Reads a video's facts with mediabunny (reader only: MP4, MOV, WebM and Matroska) through range reads, so only the
// boxes and elements it needs leave storage, wherever the index sits (moov at the end included). Measured figures:
// docs/benchmarks.md ("9 probe"). The same function runs in the Worker (R2 ranges) and in tests and benchmarks.
import { CustomSource, Input, type InputFormat, MATROSKA, MP4, QTFF, UnsupportedInputFormatError, WEBM } from "mediabunny";
import { audioCodecName, videoCodecName } from "./codec-names";
import type { ProbeFailure } from "./video-verdict";
import type { VideoProbe } from "./videos.schemas";

/** Random access to the bytes of one file; `read` returns [start, end). */
export type ByteSource = { size: number; read(start: number, end: number): Promise<Uint8Array> };
export type ProbeStats = { reads: number; bytesRead: number };

/** A file whose facts need more than this is refused rather than read whole (e.g. a WebM without duration or cues). */
export const PROBE_READ_BUDGET_BYTES = 64 * 1024 * 1024;
/** WebM and Matroska frame rates come from the first packets' timestamps (reading every packet means the whole file). */
const MATROSKA_FPS_PACKETS = 60;

const FORMATS: [InputFormat, string][] = [
  [MP4, "mp4"],
  [QTFF, "mov"],
  [WEBM, "webm"],
  [MATROSKA, "mkv"],
];

const TRUNCATED =
  "The file has no index we can read: the export or the copy was probably cut short. Export it again and upload the whole file.";
const NOT_A_VIDEO = "This file is not a video we can read. Upload an MP4, MOV or WebM video.";

class ReadBudgetExceeded extends Error {}
/** Storage failed under the probe (not the file's fault): rethrown so the queue message is retried. */
export class ByteSourceError extends Error {}

export async function probeVideo(file: ByteSource, stats: ProbeStats = { reads: 0, bytesRead: 0 }): Promise<VideoProbe | ProbeFailure> {
  if (file.size === 0) return { code: "unreadable", message: NOT_A_VIDEO };
  const source = new CustomSource({
    getSize: () => file.size,
    read: async (start, end) => {
      stats.reads++;
      stats.bytesRead += end - start;
      if (stats.bytesRead > PROBE_READ_BUDGET_BYTES) throw new ReadBudgetExceeded();
      try {
        return await file.read(start, end);
      } catch (error) {
        throw new ByteSourceError("reading the file failed", { cause: error });
      }
    },
  });
  const input = new Input({ formats: FORMATS.map(([format]) => format), source });
  try {
    return await readFacts(input, file.size);
  } catch (error) {
    if (error instanceof ByteSourceError) throw error;
    if (error instanceof UnsupportedInputFormatError) return otherContainer(file);
    if (error instanceof ReadBudgetExceeded) {
      return {
        code: "unreadable",
        message: "The file's length and frame rate cannot be read without reading all of it. Export it again as MP4.",
      };
    }
    console.warn("probe failed", error);
    return { code: "unreadable", message: TRUNCATED };
  } finally {
    input.dispose();
  }
}

async function readFacts(input: Input, size: number): Promise<VideoProbe | ProbeFailure> {
  const format = await input.getFormat();
  const container = FORMATS.find(([f]) => f === format)?.[1] ?? format.name.toLowerCase();
  const video = await input.getPrimaryVideoTrack();
  if (!video) return { code: "unreadable", message: (await input.getTracks()).length ? "The file has no video track." : TRUNCATED };
  const audio = await input.getPrimaryAudioTrack();
  const matroska = container === "webm" || container === "mkv";
  const stats = await video.computePacketStats(matroska ? MATROSKA_FPS_PACKETS : undefined);
  if (stats.packetCount === 0) return { code: "unreadable", message: TRUNCATED };
  const seconds = (await input.getDurationFromMetadata()) ?? (await input.computeDuration());
  const durationMs = Math.round(seconds * 1000);
  return {
    container,
    durationMs,
    width: await video.getDisplayWidth(),
    height: await video.getDisplayHeight(),
    rotation: await video.getRotation(),
    fps: Math.round(stats.averagePacketRate * 1000) / 1000,
    videoCodec: videoCodecName(await video.getCodec(), await video.getInternalCodecId()),
    audioCodec: audio ? audioCodecName(await audio.getCodec(), await audio.getInternalCodecId()) : null,
    bitrate: durationMs > 0 ? Math.round((size * 8 * 1000) / durationMs) : 0,
  };
}

/** Containers mediabunny is not asked to read, recognised by their first bytes so the verdict can name them. */
async function otherContainer(file: ByteSource): Promise<ProbeFailure> {
  const head = await file.read(0, Math.min(12, file.size));
  const text = String.fromCharCode(...head);
  const named =
    text.startsWith("RIFF") && text.slice(8, 12) === "AVI "
      ? "AVI"
      : text.startsWith("FLV")
        ? "FLV"
        : head[0] === 0x47 && file.size % 188 === 0
          ? "MPEG-TS"
          : head[0] === 0x30 && head[1] === 0x26 && head[2] === 0xb2 && head[3] === 0x75
            ? "WMV"
            : null;
  if (!named) return { code: "unreadable", message: NOT_A_VIDEO };
  return { code: "unsupported_container", message: `TikTok takes MP4, MOV or WebM files, not ${named}. Export it again as MP4 (H.264).` };
}
