// Benchmark 9 (video pipeline), in workerd against local R2 (Miniflare):
//  - probe: time and bytes read for MP4s with their moov at the end (sample tables as an encoder writes them, 10
//    minutes at 30 fps) and WebMs (1 s clusters), 10 MB → 1 GB, through the same r2ByteSource the media queue uses;
//  - upload throughput: 512 MiB in 32 MiB parts through the Worker's PUT /api/videos/:id/parts/:n (one at a time
//    and 4 in flight, as the browser sends them) against the same parts put straight into R2 from the test, and one
//    plain R2 put. Part bodies reuse one generated 32 MiB buffer so the generator is not what is measured.
import { describe, expect, it } from "vitest";
import { r2ByteSource } from "../../src/videos/r2-byte-source";
import { probeVideo } from "../../src/videos/video-probe";
import { PART_SIZE } from "../../src/videos/videos.service";
import { xorshiftFill } from "../fixtures/synthetic-mp4";
import { env, report, signedUpClient } from "./helpers";
import { SyntheticMp4Stream } from "./synthetic-stream";
import { SyntheticWebm } from "./synthetic-webm";

const MB = 1_000_000;
const SIZES = [10 * MB, 100 * MB, 1000 * MB];
const RUNS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Writes a file into R2 piece by piece (multipart for anything over one part), never holding it whole. */
async function storeInR2(key: string, size: number, next: (length: number) => Uint8Array) {
  if (size <= PART_SIZE) return void (await env.VIDEOS.put(key, next(size)));
  const upload = await env.VIDEOS.createMultipartUpload(key);
  const parts: R2UploadedPart[] = [];
  for (let n = 1, left = size; left > 0; n++, left -= PART_SIZE) parts.push(await upload.uploadPart(n, next(Math.min(PART_SIZE, left))));
  await upload.complete(parts);
}

async function probeFigures(key: string, size: number) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const stats = { reads: 0, bytesRead: 0 };
    const started = performance.now();
    const probe = await probeVideo(r2ByteSource(env.VIDEOS, key, size), stats);
    runs.push({ ms: performance.now() - started, ...stats, probe });
  }
  const { reads, bytesRead, probe } = runs[0]!;
  expect(probe).toMatchObject({ durationMs: 600_000, width: 1080, height: 1920 });
  return { sizeMB: +(size / MB).toFixed(0), medianMs: +median(runs.map((r) => r.ms)).toFixed(1), reads, bytesRead };
}

async function timed(run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

async function inParallel(count: number, width: number, job: (n: number) => Promise<void>) {
  let next = 1;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let n = next++; n <= count; n = next++) await job(n);
    }),
  );
}

describe("video pipeline", () => {
  it("probes MP4 (moov at the end) and WebM files from 10 MB to 1 GB by range reads", async () => {
    const mp4 = [];
    const webm = [];
    for (const size of SIZES) {
      const stream = new SyntheticMp4Stream(size, 600, 1, { moovAtEnd: true, perSampleTables: true });
      await storeInR2(`bench/probe-${size}.mp4`, size, (n) => stream.next(n));
      mp4.push(await probeFigures(`bench/probe-${size}.mp4`, size));
      await env.VIDEOS.delete(`bench/probe-${size}.mp4`);

      const file = new SyntheticWebm(size, 600);
      let at = 0;
      await storeInR2(`bench/probe-${size}.webm`, file.size, (n) => {
        const from = at;
        at += n;
        return file.read(from, at);
      });
      webm.push(await probeFigures(`bench/probe-${size}.webm`, file.size));
      await env.VIDEOS.delete(`bench/probe-${size}.webm`);
    }
    await report("9 probe (R2 range reads, 10-minute files)", { mp4, webm, runsPerFile: RUNS });
    expect(mp4.at(-1)!.bytesRead).toBeLessThan(1_000_000);
  });

  it("uploads 512 MiB through the Worker, against the same parts put straight into R2", async () => {
    const PARTS = 16;
    const bytes = PARTS * PART_SIZE;
    const part = new Uint8Array(PART_SIZE);
    xorshiftFill(part, 7);
    const client = await signedUpClient();

    const throughWorker = async (width: number) => {
      const created = await client.json("/api/videos", { filename: "bench.mp4", size: bytes, contentType: "video/mp4" });
      const id = created.body.video.id as string;
      return timed(() =>
        inParallel(PARTS, width, async (n) => {
          const res = await client.fetch(`/api/videos/${id}/parts/${n}`, { method: "PUT", body: part });
          if (res.status !== 200) throw new Error(`part ${n}: ${res.status} ${await res.text()}`);
        }),
      );
    };
    const directMultipart = async (width: number) => {
      const upload = await env.VIDEOS.createMultipartUpload(`bench/direct-${width}`);
      const seconds = await timed(() => inParallel(PARTS, width, async (n) => void (await upload.uploadPart(n, part))));
      await upload.abort();
      return seconds;
    };
    const directPut = () =>
      timed(async () => {
        const { readable, writable } = new FixedLengthStream(bytes);
        const writing = (async () => {
          const writer = writable.getWriter();
          for (let n = 0; n < PARTS; n++) await writer.write(part);
          await writer.close();
        })();
        await env.VIDEOS.put("bench/direct-put", readable);
        await writing;
        await env.VIDEOS.delete("bench/direct-put");
      });

    const mbps = (seconds: number) => +(bytes / MB / seconds).toFixed(0);
    const figures = {
      bytes,
      workerOneAtATimeMBps: mbps(await throughWorker(1)),
      worker4InFlightMBps: mbps(await throughWorker(4)),
      r2MultipartOneAtATimeMBps: mbps(await directMultipart(1)),
      r2Multipart4InFlightMBps: mbps(await directMultipart(4)),
      r2SinglePutMBps: mbps(await directPut()),
    };
    await report("9 upload throughput (512 MiB, 32 MiB parts)", figures);
    expect(figures.worker4InFlightMBps).toBeGreaterThan(0);
  });
});
