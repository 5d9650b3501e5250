// TikTok's media checks in the emulator: every fixture streamed through the sniffer in network-sized pieces, then
// judged with TikTok's own failure reasons, so a probe that lets a bad file through fails the publish in the tests.
import { describe, expect, it } from "vitest";
import { mediaCheck } from "../../emulator/uploads/media-check.ts";
import { MediaSniffer } from "../../emulator/uploads/media-sniffer.ts";
import { syntheticMp4 } from "../fixtures/synthetic-mp4.ts";
import { videoFixtureFiles } from "../fixtures/videos/fixtures.ts";

const EXPECTED: Record<string, string | null> = {
  "h264-9x16-moov-at-end.mp4": null,
  "faststart.mov": null,
  "vp9.webm": null,
  "vp8.webm": null,
  "h265.mp4": null,
  "rotated-90.mp4": null,
  "fps-15.mp4": "frame_rate_check_failed",
  "tiny-200x356.mp4": "picture_size_check_failed",
  "long-11min.mp4": "duration_check_failed",
  "mpeg4-part2.mp4": "file_format_check_failed",
  "h264.mkv": "file_format_check_failed",
  "truncated-no-index.mp4": "file_format_check_failed",
  "not-a-video.mp4": "file_format_check_failed",
};

function sniff(bytes: Uint8Array, piece = 64 * 1024) {
  const sniffer = new MediaSniffer();
  for (let at = 0; at < bytes.byteLength; at += piece) sniffer.feed(bytes.subarray(at, at + piece));
  return sniffer;
}

describe("the emulator's media checks", () => {
  const files = videoFixtureFiles();

  it("has a verdict for every fixture", () => {
    expect(Object.keys(files).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, reason] of Object.entries(EXPECTED)) {
    it(`${name} → ${reason ?? "passes"}`, async () => {
      expect(await mediaCheck(sniff(Buffer.from(files[name]!, "base64")), 600)).toBe(reason);
    });
  }

  it("fails a video longer than the creator may post", async () => {
    expect(await mediaCheck(sniff(Buffer.from(files["h264-9x16-moov-at-end.mp4"]!, "base64")), 1)).toBe("duration_check_failed");
  });

  it("reads a 20 MB MP4 whose moov comes after its media data from the bytes it kept", async () => {
    const bytes = syntheticMp4(20_000_000, 12, 3, { moovAtEnd: true });
    expect(await mediaCheck(sniff(bytes, 1_000_000), 600)).toBeNull();
    expect(await mediaCheck(sniff(bytes, 1_000_000), 10)).toBe("duration_check_failed");
  });

  it("gives the same verdict however the bytes are split", async () => {
    const bytes = Buffer.from(files["fps-15.mp4"]!, "base64");
    for (const piece of [1000, 4093, 65_536]) expect(await mediaCheck(sniff(bytes, piece), 600)).toBe("frame_rate_check_failed");
  });
});
