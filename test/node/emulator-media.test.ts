// Pure units: chunk-plan arithmetic and the streaming MP4 sniffer, byte-split at every awkward boundary.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../../emulator/core/options.ts";
import { chunkPlanProblem, chunkRange } from "../../emulator/uploads/chunk-plan.ts";
import { MediaSniffer } from "../../emulator/uploads/media-sniffer.ts";
import { syntheticMp4 } from "../fixtures/synthetic-mp4.ts";

const fixture = readFileSync(new URL("../fixtures/sample-3s.mp4", import.meta.url));
const rules = DEFAULT_OPTIONS.chunkRules;

describe("chunk plan", () => {
  it("computes TikTok's worked example ranges, the last chunk carrying the remainder", () => {
    const plan = { videoSize: 50_000_123, chunkSize: 10_000_000, chunkCount: 5 };
    expect(chunkPlanProblem(plan, rules)).toBeNull();
    expect(chunkRange(plan, 0)).toEqual({ first: 0, last: 9_999_999 });
    expect(chunkRange(plan, 4)).toEqual({ first: 40_000_000, last: 50_000_122 });
  });

  it("accepts the plan recommended in tiktok-api.md §3.4 for a 4 GB video", () => {
    const size = 4 * 1024 ** 3;
    const chunk = Math.min(64_000_000, Math.max(10_000_000, Math.ceil(size / 1000)));
    expect(chunkPlanProblem({ videoSize: size, chunkSize: chunk, chunkCount: Math.floor(size / chunk) }, rules)).toBeNull();
  });
});

describe("MediaSniffer", () => {
  it("reads the fixture's 3 s duration from moov/mvhd", () => {
    const s = new MediaSniffer();
    s.feed(fixture);
    expect(s.container()).toBe("mp4");
    expect(s.durationSec()).toBe(3);
  });

  it("gives the same answer however the bytes are split", () => {
    for (const step of [1, 7, 8, 9, 16, 4093]) {
      const s = new MediaSniffer();
      for (let i = 0; i < fixture.length; i += step) s.feed(fixture.subarray(i, i + step));
      expect(s.durationSec()).toBe(3);
    }
  });

  it("finds moov at the end of a non-faststart file", () => {
    const ftypLen = fixture.readUInt32BE(0);
    const moovLen = fixture.readUInt32BE(ftypLen);
    const ftyp = fixture.subarray(0, ftypLen);
    const moov = fixture.subarray(ftypLen, ftypLen + moovLen);
    const rest = fixture.subarray(ftypLen + moovLen);
    const s = new MediaSniffer();
    s.feed(Buffer.concat([ftyp, rest, moov]));
    expect(s.durationSec()).toBe(3);
  });

  it("reads the duration of the project's synthetic MP4s", () => {
    const s = new MediaSniffer();
    s.feed(syntheticMp4(200_000, 7));
    expect([s.container(), s.durationSec()]).toEqual(["mp4", 7]);
  });

  it("recognises WebM by its EBML magic and rejects text", () => {
    const webm = new MediaSniffer();
    webm.feed(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]));
    expect(webm.container()).toBe("webm");
    const text = new MediaSniffer();
    text.feed(Buffer.from("hello world, not a video"));
    expect(text.container()).toBe("unknown");
  });
});
