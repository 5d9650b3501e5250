// One name per codec, whatever the container calls it: h264, h265, vp8, vp9 (TikTok's list), and for anything else
// the name ffprobe gives it (mpeg4 for MPEG-4 Part 2) or, failing that, the container's own codec id in lower case.

/** mediabunny's codec names → ours (video-processing.md: normalise to h264/h265/vp8/vp9). */
const VIDEO: Record<string, string> = { avc: "h264", hevc: "h265", vp8: "vp8", vp9: "vp9", av1: "av1", prores: "prores" };

/** Sample-entry fourccs (MP4/MOV) and Matroska CodecIDs of codecs mediabunny does not name. */
const BY_ID: Record<string, string> = {
  mp4v: "mpeg4",
  "v_mpeg4/iso/asp": "mpeg4",
  "v_mpeg4/iso/sp": "mpeg4",
  "v_mpeg4/iso/ap": "mpeg4",
  s263: "h263",
  h263: "h263",
  mjpa: "mjpeg",
  jpeg: "mjpeg",
  v_mjpeg: "mjpeg",
  v_mpeg2: "mpeg2video",
  v_theora: "theora",
};

export function videoCodecName(codec: string | null, internalId: unknown): string {
  if (codec) return VIDEO[codec] ?? codec;
  return byId(internalId) ?? "unknown";
}

export function audioCodecName(codec: string | null, internalId: unknown): string {
  if (codec) return codec;
  return byId(internalId) ?? "unknown";
}

function byId(internalId: unknown): string | null {
  if (typeof internalId !== "string" || internalId.trim() === "") return null;
  const id = internalId.trim().toLowerCase();
  return BY_ID[id] ?? id;
}
