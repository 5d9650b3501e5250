// Every committed fixture goes through the real pipeline (upload → complete → media queue → probe by R2 range reads)
// and comes out with the facts ffprobe reported for it and the verdict TikTok's rules give.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { r2ByteSource } from "../../src/videos/r2-byte-source";
import { probeVideo } from "../../src/videos/video-probe";
import type { FfprobeFacts } from "../fixtures/videos/ffprobe-facts";
import { type Client, probeNow, signedUpClient } from "./helpers";
import { FIXTURE_NAMES, ffprobe, fixture } from "./video-fixtures";

type Expected = { status: "ready" | "rejected"; problems: string[]; warnings: string[] };
const ready = (...warnings: string[]): Expected => ({ status: "ready", problems: [], warnings });
const rejected = (problems: string[], ...warnings: string[]): Expected => ({ status: "rejected", problems, warnings });

const VERDICTS: Record<string, Expected> = {
  "h264-9x16-moov-at-end.mp4": ready(),
  "faststart.mov": ready("not_vertical"),
  "vp9.webm": ready(),
  "vp8.webm": ready("no_audio"),
  "h265.mp4": ready("no_audio"),
  "rotated-90.mp4": ready(),
  "fps-15.mp4": rejected(["frame_rate_out_of_range"], "no_audio"),
  "tiny-200x356.mp4": rejected(["resolution_out_of_range"], "no_audio"),
  "long-11min.mp4": rejected(["too_long"], "no_audio"),
  "mpeg4-part2.mp4": rejected(["unsupported_codec"], "no_audio"),
  "h264.mkv": rejected(["unsupported_container"], "no_audio"),
  "truncated-no-index.mp4": rejected(["unreadable"]),
  "not-a-video.mp4": rejected(["unreadable"]),
};

const TYPES: Record<string, string> = { mp4: "video/mp4", mov: "video/quicktime", webm: "video/webm", mkv: "video/webm" };

async function uploadFixture(client: Client, name: string) {
  const bytes = fixture(name);
  const contentType = TYPES[name.split(".").pop()!]!;
  const created = await client.json("/api/videos", { filename: name, size: bytes.byteLength, contentType });
  const id = created.body.video.id as string;
  const part = await client.fetch(`/api/videos/${id}/parts/1`, { method: "PUT", body: bytes });
  expect(part.status).toBe(200);
  expect((await client.json(`/api/videos/${id}/complete`, {})).body.video.status).toBe("processing");
  await probeNow(id);
  return (await client.json(`/api/videos/${id}`)).body.video;
}

/** What the probe must say, computed from ffprobe's report (codec names normalised as the API promises). */
function fromFfprobe(name: string, facts: NonNullable<FfprobeFacts>) {
  const video = facts.streams.find((s) => s.codec_type === "video")!;
  const audio = facts.streams.find((s) => s.codec_type === "audio");
  // ffprobe's display-matrix rotation is counter-clockwise; the API's is clockwise.
  const rotation = (360 - (video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0)) % 360;
  const [num, den] = video.avg_frame_rate.split("/").map(Number);
  const brand = facts.format.tags?.major_brand?.trim();
  const container = facts.format.format_name.includes("matroska") ? name.split(".").pop() : brand === "qt" ? "mov" : "mp4";
  const swap = rotation % 180 !== 0;
  return {
    container,
    durationMs: Math.round(Number(facts.format.duration) * 1000),
    width: swap ? video.height : video.width,
    height: swap ? video.width : video.height,
    rotation,
    fps: num! / den!,
    videoCodec: video.codec_name === "hevc" ? "h265" : video.codec_name,
    audioCodec: audio?.codec_name ?? null,
    bitrate: Number(facts.format.bit_rate),
  };
}

describe("probing every fixture", () => {
  it("covers every committed fixture", () => {
    expect(FIXTURE_NAMES()).toEqual(Object.keys(VERDICTS).sort());
  });

  for (const name of Object.keys(VERDICTS)) {
    it(`${name}: the facts ffprobe reports, and its verdict`, async () => {
      const client = await signedUpClient();
      const video = await uploadFixture(client, name);
      const expected = VERDICTS[name]!;
      expect({
        status: video.status,
        problems: video.problems.map((p: { code: string }) => p.code),
        warnings: video.warnings.map((w: { code: string }) => w.code),
      }).toEqual(expected);
      for (const item of [...video.problems, ...video.warnings]) expect(item.message.length).toBeGreaterThan(10);

      const facts = ffprobe(name);
      if (!facts) return expect(video.probe).toBeNull();
      const want = fromFfprobe(name, facts);
      const got = video.probe;
      expect({ ...got, durationMs: 0, fps: 0, bitrate: 0 }).toEqual({ ...want, durationMs: 0, fps: 0, bitrate: 0 });
      expect(Math.abs(got.durationMs - want.durationMs)).toBeLessThanOrEqual(10);
      expect(Math.abs(got.fps - want.fps)).toBeLessThan(0.05);
      expect(Math.abs(got.bitrate - want.bitrate) / want.bitrate).toBeLessThan(0.01);
    });
  }

  it("reads only the index of an MP4 whose moov sits at the end, not its media data", async () => {
    const bytes = fixture("long-11min.mp4");
    await env.VIDEOS.put("probe/long.mp4", bytes);
    const stats = { reads: 0, bytesRead: 0 };
    const probe = await probeVideo(r2ByteSource(env.VIDEOS, "probe/long.mp4", bytes.byteLength), stats);
    expect(probe).toMatchObject({ durationMs: 660_000 });
    // The moov (sample tables of 15,840 frames) is the last 40 % of this tiny-bitrate file; the mdat is skipped.
    expect(stats.bytesRead).toBeLessThan(bytes.byteLength / 2);
    expect(stats.reads).toBeLessThanOrEqual(8);
  });
});
