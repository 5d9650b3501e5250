// PUT /upload/?upload_id&upload_token: strict in-order chunk uploads with bare statuses (tiktok-api.md §3.5).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import { applyLatency, roll5xx, takeFault } from "../core/faults.ts";
import type { Ctx, EmuEnv } from "../core/http.ts";
import { safeEqual } from "../core/ids.ts";
import type { UploadTask } from "../core/types.ts";
import { startProcessing } from "../posting/lifecycle.ts";
import { chunkRange } from "./chunk-plan.ts";

const VIDEO_TYPES = ["video/mp4", "video/quicktime", "video/webm"];
const RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

// Progress header on every chunk response; with nothing uploaded yet it reads "bytes */total" (RFC 9110).
function progress(task: UploadTask): Record<string, string> {
  const done = task.uploadedBytes;
  return { "Content-Range": done > 0 ? `bytes 0-${done - 1}/${task.videoSize}` : `bytes */${task.videoSize}` };
}

function bare(c: Ctx, status: 201 | 206 | 400 | 403 | 404 | 416 | 500, task?: UploadTask, why?: string): Response {
  c.set("errCode", why ?? null);
  return c.body(null, status, task ? progress(task) : {});
}

/** Checks headers against the next expected chunk; returns its length or an error Response. */
function expectedLength(c: Ctx, task: UploadTask): number | Response {
  const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!VIDEO_TYPES.includes(type)) return bare(c, 400, task, "bad_content_type");
  const range = RANGE.exec(c.req.header("content-range") ?? "");
  if (!range) return bare(c, 400, task, "bad_content_range");
  // Chunked transfer encoding is refused: each chunk needs an exact Content-Length.
  const lengthHeader = c.req.header("content-length");
  if (!lengthHeader || !/^\d+$/.test(lengthHeader)) return bare(c, 400, task, "content_length_required");
  if (task.busy || task.nextChunk >= task.chunkCount) return bare(c, 416, task, "out_of_order");
  const want = chunkRange({ videoSize: task.videoSize, chunkSize: task.chunkSize, chunkCount: task.chunkCount }, task.nextChunk);
  const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  if (first !== want.first || last !== want.last || total !== task.videoSize) return bare(c, 416, task, "range_mismatch");
  if (Number(lengthHeader) !== last - first + 1) return bare(c, 400, task, "content_length_mismatch");
  return last - first + 1;
}

/** Streams the body into copies of the hash and sniffer; they replace the task's only if the chunk is whole. */
async function receiveChunk(emu: Emulator, c: Ctx, task: UploadTask, length: number, drop: boolean): Promise<Response> {
  const hash = task.hash.copy();
  const sniffer = task.sniffer.clone();
  let received = 0;
  task.busy = true;
  try {
    const reader = c.req.raw.body?.getReader();
    for (let r = await reader?.read(); r && !r.done; r = await reader?.read()) {
      received += r.value.byteLength;
      if (received > length) return bare(c, 400, task, "body_too_long");
      hash.update(r.value);
      sniffer.feed(r.value);
      if (drop && received >= Math.min(length / 2, 256 * 1024)) {
        c.env?.incoming?.socket.destroy(); // fault: connection lost mid-chunk, nothing accepted
        return bare(c, 500, task, "connection_dropped");
      }
    }
  } catch {
    return bare(c, 400, task, "body_aborted"); // client went away; nothing accepted
  } finally {
    task.busy = false;
  }
  if (received !== length) return bare(c, 400, task, "content_length_mismatch");
  Object.assign(task, { hash, sniffer, uploadedBytes: task.uploadedBytes + length, nextChunk: task.nextChunk + 1 });
  const p = emu.state.publishes.get(task.publishId);
  if (p) p.uploadedBytes = task.uploadedBytes;
  if (task.nextChunk < task.chunkCount) return bare(c, 206, task);
  emu.state.ledger.uploads.push({
    publish_id: task.publishId,
    open_id: p?.openId ?? "",
    bytes: task.uploadedBytes,
    sha256: task.hash.copy().digest("hex"),
    chunks: task.chunkCount,
    completedAt: emu.now(),
  });
  if (p) startProcessing(emu, p, task.sniffer);
  return bare(c, 201, task);
}

export function uploadRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.put("/upload/", async (c) => {
    const task = emu.state.uploads.get(c.req.query("upload_id") ?? "");
    const token = c.req.query("upload_token") ?? "";
    if (!task || !safeEqual(token, task.uploadToken)) return bare(c, 404, undefined, "unknown_upload");
    const openId = emu.state.publishes.get(task.publishId)?.openId ?? null;
    c.set("openId", openId);
    await applyLatency(emu, openId);
    if (task.expiresAt <= emu.now()) return bare(c, 403, task, "upload_url_expired");
    const length = expectedLength(c, task);
    if (length instanceof Response) return length;
    if (roll5xx(emu, openId)) return bare(c, 500, task, "injected_5xx");
    return receiveChunk(emu, c, task, length, takeFault(emu, openId, "dropConnectionMidChunk"));
  });
  return app;
}
