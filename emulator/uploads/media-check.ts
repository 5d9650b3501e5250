// TikTok's own media checks on a received video (tiktok-api.md §6; video-processing.md): MP4/MOV/WebM with H.264,
// H.265, VP8 or VP9; 23–60 fps; each side 360–4096 px; no longer than the creator may post. The file is read with
// mediabunny from what the sniffer kept (first and last bytes, box headers, moov), as a prober would read it.
import { CustomSource, Input, MP4, QTFF, WEBM } from "mediabunny";
import type { MediaSniffer, Segment } from "./media-sniffer.ts";

export type MediaFailure = "file_format_check_failed" | "frame_rate_check_failed" | "picture_size_check_failed" | "duration_check_failed";

const CODECS = ["avc", "hevc", "vp8", "vp9"];

/** Serves [start, end) from the kept segments; a byte the sniffer did not keep makes the file unreadable here. */
function segmentReader(segments: Segment[]) {
  return (start: number, end: number) => {
    const out = new Uint8Array(end - start);
    const covered = new Uint8Array(end - start);
    for (const { start: at, bytes } of segments) {
      const from = Math.max(start, at);
      const to = Math.min(end, at + bytes.length);
      if (from >= to) continue;
      out.set(bytes.subarray(from - at, to - at), from - start);
      covered.fill(1, from - start, to - start);
    }
    if (covered.includes(0)) throw new Error(`bytes ${start}-${end} were not kept`);
    return out;
  };
}

export async function mediaCheck(media: MediaSniffer, maxDurationSec: number): Promise<MediaFailure | null> {
  const size = media.received;
  if (size === 0) return "file_format_check_failed";
  const input = new Input({
    formats: [MP4, QTFF, WEBM],
    source: new CustomSource({ getSize: () => size, read: segmentReader(media.segments()) }),
  });
  try {
    const video = await input.getPrimaryVideoTrack();
    if (!video || !CODECS.includes((await video.getCodec()) ?? "")) return "file_format_check_failed";
    const format = await input.getFormat();
    const stats = await video.computePacketStats(format === WEBM ? 60 : undefined);
    if (stats.packetCount === 0) return "file_format_check_failed";
    if (stats.averagePacketRate < 23 || stats.averagePacketRate > 60) return "frame_rate_check_failed";
    const sides = [await video.getDisplayWidth(), await video.getDisplayHeight()];
    if (sides.some((side) => side < 360 || side > 4096)) return "picture_size_check_failed";
    const duration = (await input.getDurationFromMetadata()) ?? (await input.computeDuration());
    return duration > maxDurationSec ? "duration_check_failed" : null;
  } catch {
    return "file_format_check_failed"; // no index, truncated, not a video: TikTok's answer for all of them
  } finally {
    input.dispose();
  }
}
