// Benchmark 3 (memory): a 1 GB video (1,000,000,000 B → 100 chunks of 10,000,000 B) is uploaded through
// the API in 32 MiB parts generated on the fly, then published to the emulator. workerd's RSS is sampled
// from the Node side (/proc/<pid>/status every 100 ms, plus VmHWM reset at the start) by the probe in
// global-setup.ts. Goal: RSS growth during the publish ≤ ~2 chunks (20 MB): chunks are streamed R2 → TikTok.
// Caveat: the workerd process also hosts the test runner and the local D1/R2 simulators, so this is an upper bound.
import { describe, expect, it } from "vitest";
import { syntheticMp4 } from "../fixtures/synthetic-mp4";
import {
  connectAccount,
  emuRecord,
  env,
  probeUrl,
  report,
  schedulePost,
  signedUpClient,
  sleep,
  waitAllFinal,
  waitForVerdict,
} from "./helpers";
import { SyntheticMp4Stream } from "./synthetic-stream";

const SIZE = 1_000_000_000;
const CHUNK = 10_000_000;
const PIECE = 1024 * 1024;
const MB = 1_000_000;

async function probe(path: string, body: unknown = {}) {
  const res = await fetch(`${probeUrl()}${path}`, { method: "POST", body: JSON.stringify(body) });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`probe ${path}: ${JSON.stringify(json)}`);
  return json;
}

/** Full GC in every workerd isolate (through the inspector, see global-setup.ts), then a moment to return memory. */
async function collectGarbage() {
  const result = await probe("/gc");
  await sleep(500);
  return result as { collected: number; isolates?: string[]; error?: string };
}

const mb = (kb: number) => +((kb * 1024) / MB).toFixed(1);

function rssFigures(r: any) {
  const growthKb = r.peakKb - r.baselineKb;
  const hwmGrowthKb = r.hwmKb ? r.hwmKb - r.baselineKb : null;
  return {
    workerdPids: r.pids,
    baselineMB: mb(r.baselineKb),
    peakSampledMB: mb(r.peakKb),
    peakHwmMB: r.hwmKb ? mb(r.hwmKb) : null,
    endMB: mb(r.endKb),
    growthSampledMB: mb(growthKb),
    growthHwmMB: hwmGrowthKb === null ? null : mb(hwmGrowthKb),
    growthInChunks: +((Math.max(growthKb, hwmGrowthKb ?? 0) * 1024) / CHUNK).toFixed(2),
    samples: r.samples,
    // RSS growth (MB) sampled at each tenth of the period: flat = bounded by what is in flight, rising = accumulating.
    growthAtTenthsMB: Array.from({ length: 10 }, (_, k) => {
      const series = r.series as [number, number][];
      const until = ((k + 1) / 10) * r.durationMs;
      const at = series.filter(([t]) => t <= until).at(-1)?.[1] ?? r.baselineKb;
      return mb(at - r.baselineKb);
    }),
    durationS: +(r.durationMs / 1000).toFixed(1),
  };
}

describe("memory while publishing a 1 GB video", () => {
  it("streams 100 chunks from R2 to TikTok without holding them", async () => {
    // The on-the-fly generator produces exactly the fixture's bytes.
    const small = new SyntheticMp4Stream(300_000);
    const pieces = [small.next(1000), small.next(123_457), small.next(300_000)];
    const joined = new Uint8Array(300_000);
    let at = 0;
    for (const p of pieces) {
      joined.set(p, at);
      at += p.byteLength;
    }
    expect(joined).toEqual(syntheticMp4(300_000));

    const client = await signedUpClient();
    const { accountId, openId } = await connectAccount(client);

    // Upload: 30 parts of 32 MiB, each streamed from the generator through a FixedLengthStream.
    const created = await client.json("/api/videos", { filename: "big.mp4", size: SIZE, contentType: "video/mp4" });
    expect(created.status).toBe(201);
    const video = created.body.video;
    const source = new SyntheticMp4Stream(SIZE);
    const hash = new crypto.DigestStream("SHA-256"); // workerd: SHA-256 of everything written, incrementally
    const hashWriter = hash.getWriter();
    const gc = await collectGarbage();
    await probe("/rss/start");
    const uploadStart = Date.now();
    for (let n = 1; n <= video.partCount; n++) {
      const length = Math.min(video.partSize, SIZE - (n - 1) * video.partSize);
      const { readable, writable } = new FixedLengthStream(length);
      const writing = (async () => {
        const writer = writable.getWriter();
        for (let left = length; left > 0; left -= PIECE) {
          const piece = source.next(Math.min(PIECE, left));
          await hashWriter.write(piece);
          await writer.write(piece);
        }
        await writer.close();
      })();
      const res = await client.fetch(`/api/videos/${video.id}/parts/${n}`, {
        method: "PUT",
        body: readable,
        headers: { "content-length": String(length) },
      });
      await writing;
      if (res.status !== 200) throw new Error(`part ${n}: ${res.status} ${await res.text()}`);
    }
    const done = await client.json(`/api/videos/${video.id}/complete`, {});
    expect(done.status).toBe(200);
    // The media queue probes it in the background; it can be scheduled once the verdict is in.
    expect((await waitForVerdict(client, video.id, 60_000)).status).toBe("ready");
    const uploadMs = Date.now() - uploadStart;
    const upload = rssFigures(await probe("/rss/stop"));
    await hashWriter.close();
    const sha256 = [...new Uint8Array(await hash.digest)].map((b) => b.toString(16).padStart(2, "0")).join("");

    // Publish: RSS from just before the post is scheduled until it is published.
    await collectGarbage();
    await probe("/rss/start");
    const publishStart = Date.now();
    const post = await schedulePost(client, accountId, video.id, Math.ceil((Date.now() + 2_000) / 1000) * 1000, "bench memory 1 GB");
    const statuses = await waitAllFinal([post.id], 240_000);
    const publishMs = Date.now() - publishStart;
    const publish = rssFigures(await probe("/rss/stop"));

    // Control: the same 100 ranged reads from (local) R2, each body drained and dropped, nothing sent anywhere.
    // This is the floor the local R2 simulator and the runtime's stream buffers set for any streaming reader.
    const { r2_key: key } = (await env.DB.prepare("SELECT r2_key FROM videos WHERE id = ?").bind(video.id).first<{ r2_key: string }>())!;
    await collectGarbage();
    await probe("/rss/start");
    const readStart = Date.now();
    for (let i = 0; i < 100; i++) {
      const object = await env.VIDEOS.get(key, { range: { offset: i * CHUNK, length: i === 99 ? SIZE - 99 * CHUNK : CHUNK } });
      const reader = object!.body.getReader();
      while (!(await reader.read()).done);
    }
    const readMs = Date.now() - readStart;
    const r2Only = rssFigures(await probe("/rss/stop"));

    const record = await emuRecord(openId);
    const init = record.inits[0];
    const uploaded = record.uploads[0];
    const figures = {
      videoBytes: SIZE,
      gcBeforeEachBaseline: gc.error ? `unavailable (${gc.error})` : `full GC via inspector in: ${gc.isolates?.join(", ")}`,
      chunkBytes: init?.source_info?.chunk_size,
      chunks: init?.source_info?.total_chunk_count,
      status: statuses.get(post.id),
      sha256Matches: uploaded?.sha256 === sha256,
      completeCount: record.publishes[0]?.completeCount,
      uploadThroughApi: { parts: video.partCount, partBytes: video.partSize, seconds: +(uploadMs / 1000).toFixed(1), rss: upload },
      publish: {
        seconds: +(publishMs / 1000).toFixed(1),
        initToLastChunkS: uploaded && init ? +((uploaded.completedAt - init.at) / 1000).toFixed(1) : null,
        throughputMBps: uploaded && init ? +(SIZE / MB / ((uploaded.completedAt - init.at) / 1000)).toFixed(0) : null,
        rss: publish,
      },
      controlR2ReadsOnly: { seconds: +(readMs / 1000).toFixed(1), rss: r2Only },
      goal: "publish RSS growth ≤ ~2 chunks (20 MB)",
    };
    await report("3 memory, 1 GB publish (100 × 10 MB chunks)", figures);
    expect(statuses.get(post.id)).toBe("published");
    expect(uploaded?.sha256).toBe(sha256);
    expect(uploaded?.chunks).toBe(100);
  });
});
