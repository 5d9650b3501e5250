// FILE_UPLOAD: streamed chunk PUTs, strict ordering, media checks and the status lifecycle.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index.ts";
import { startEmulator } from "../../emulator/index.ts";
import type { Connected } from "../../emulator/testing.ts";
import { api, byteStream, connect, control, putChunk, record, waitFor } from "../../emulator/testing.ts";

const fixture = readFileSync(new URL("../fixtures/sample-3s.mp4", import.meta.url));
const fixtureSha = createHash("sha256").update(fixture).digest("hex");

let emu: RunningEmulator;
let base: string;
let jane: Connected;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, processingDelayMs: 30, moderationDelayMs: 30 });
  base = emu.url;
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(base, "POST", "/reset");
  jane = await connect(base, "jane");
});

async function initFile(size: number, chunk: number, count: number, privacy = "PUBLIC_TO_EVERYONE") {
  const res = await api(base, jane.accessToken, "/v2/post/publish/video/init/", {
    post_info: { privacy_level: privacy, brand_content_toggle: false },
    source_info: { source: "FILE_UPLOAD", video_size: size, chunk_size: chunk, total_chunk_count: count },
  });
  expect(res.body.error.code).toBe("ok");
  return { publishId: String(res.body.data.publish_id), uploadUrl: String(res.body.data.upload_url) };
}

const status = async (publishId: string) =>
  (await api(base, jane.accessToken, "/v2/post/publish/status/fetch/", { publish_id: publishId })).body.data;

const settled = (publishId: string) =>
  waitFor(async () => {
    const d = await status(publishId);
    return d.status === "PUBLISH_COMPLETE" || d.status === "FAILED" || d.status === "SEND_TO_USER_INBOX" ? d : null;
  });

/** Bytes [first, last] of a valid MP4 of `size` bytes: the fixture, then one `free` box padding it out. */
function paddedMp4(size: number, first: number, last: number) {
  const free = Buffer.alloc(8);
  free.writeUInt32BE(size - fixture.length, 0);
  free.write("free", 4, "latin1");
  return byteStream(last - first + 1, Buffer.concat([fixture, free]), first);
}

describe("single-chunk upload", () => {
  it("uploads the fixture, completes, and records the exact sha256 and a public post id", async () => {
    const { publishId, uploadUrl } = await initFile(fixture.length, fixture.length, 1);
    const put = await putChunk(uploadUrl, { first: 0, last: fixture.length - 1, total: fixture.length }, fixture);
    expect(put).toEqual({ status: 201, contentRange: `bytes 0-${fixture.length - 1}/${fixture.length}` });
    expect((await settled(publishId)).status).toBe("PUBLISH_COMPLETE");
    const withId = await waitFor(async () => {
      const res = await api(base, jane.accessToken, "/v2/post/publish/status/fetch/", { publish_id: publishId });
      return (res.body.data.publicaly_available_post_id as unknown[]).length > 0 ? res : null;
    });
    const rec = await record(base, jane.openId);
    expect(rec.uploads).toMatchObject([{ publish_id: publishId, bytes: fixture.length, sha256: fixtureSha, chunks: 1 }]);
    expect(rec.publishes[0]).toMatchObject({ status: "PUBLISH_COMPLETE", completeCount: 1 });
    // The id is a raw 19-digit int64 in the JSON text, as TikTok sends it.
    expect(withId.text).toContain(`"publicaly_available_post_id":[${rec.publishes[0].post_id}]`);
  });

  it("fails non-video bytes with file_format_check_failed", async () => {
    const junk = Buffer.from("this is not a video, just text pretending to be one");
    const { publishId, uploadUrl } = await initFile(junk.length, junk.length, 1);
    expect((await putChunk(uploadUrl, { first: 0, last: junk.length - 1, total: junk.length }, junk)).status).toBe(201);
    expect(await settled(publishId)).toMatchObject({ status: "FAILED", fail_reason: "file_format_check_failed" });
  });

  it("fails videos longer than the creator's max with duration_check_failed", async () => {
    await control(base, "PUT", "/users/jane", { maxVideoPostDurationSec: 2 });
    const { publishId, uploadUrl } = await initFile(fixture.length, fixture.length, 1);
    await putChunk(uploadUrl, { first: 0, last: fixture.length - 1, total: fixture.length }, fixture);
    expect(await settled(publishId)).toMatchObject({ status: "FAILED", fail_reason: "duration_check_failed" });
  });

  it("refuses chunk PUTs once the upload_url has expired (403)", async () => {
    await control(base, "PATCH", "/config", { uploadUrlTtlSec: 0 });
    const { uploadUrl } = await initFile(fixture.length, fixture.length, 1);
    await control(base, "PATCH", "/config", { uploadUrlTtlSec: 3600 });
    const put = await putChunk(uploadUrl, { first: 0, last: fixture.length - 1, total: fixture.length }, fixture);
    expect(put).toEqual({ status: 403, contentRange: `bytes */${fixture.length}` });
  });

  it("rejects a wrong Content-Type with 400 and an unknown upload with 404", async () => {
    const { uploadUrl } = await initFile(fixture.length, fixture.length, 1);
    const range = { first: 0, last: fixture.length - 1, total: fixture.length };
    expect((await putChunk(uploadUrl, range, fixture, "application/octet-stream")).status).toBe(400);
    expect((await putChunk(uploadUrl.replace(/upload_token=[^&]+/, "upload_token=nope"), range, fixture)).status).toBe(404);
  });
});

describe("multi-chunk upload", () => {
  const size = 11_000_123;
  const chunk = 5_500_000; // floor(size / chunk) = 2; the last chunk carries the remainder

  it("answers an out-of-order chunk with 416 and the server's progress, then accepts the right order", async () => {
    const { publishId, uploadUrl } = await initFile(size, chunk, 2);
    const early = await putChunk(uploadUrl, { first: chunk, last: size - 1, total: size }, byteStream(size - chunk));
    expect(early).toEqual({ status: 416, contentRange: `bytes */${size}` });
    const first = await putChunk(uploadUrl, { first: 0, last: chunk - 1, total: size }, paddedMp4(size, 0, chunk - 1));
    expect(first).toEqual({ status: 206, contentRange: `bytes 0-${chunk - 1}/${size}` });
    const again = await putChunk(uploadUrl, { first: 0, last: chunk - 1, total: size }, byteStream(chunk));
    expect(again).toEqual({ status: 416, contentRange: `bytes 0-${chunk - 1}/${size}` });
    const last = await putChunk(uploadUrl, { first: chunk, last: size - 1, total: size }, paddedMp4(size, chunk, size - 1));
    expect(last).toEqual({ status: 201, contentRange: `bytes 0-${size - 1}/${size}` });
    expect((await settled(publishId)).status).toBe("PUBLISH_COMPLETE");
    const hash = createHash("sha256");
    for await (const piece of paddedMp4(size, 0, size - 1)) hash.update(piece as Buffer);
    const rec = await record(base, jane.openId);
    expect(rec.uploads[0]).toMatchObject({ bytes: size, chunks: 2, sha256: hash.digest("hex") });
    expect((await status(publishId)).uploaded_bytes).toBe(size);
  });

  it("accepts nothing from a chunk whose connection drops mid-body", async () => {
    const { uploadUrl } = await initFile(size, chunk, 2);
    await control(base, "PUT", "/faults", { openId: jane.openId, dropConnectionMidChunk: 1 });
    await expect(putChunk(uploadUrl, { first: 0, last: chunk - 1, total: size }, byteStream(chunk))).rejects.toThrow();
    const retry = await putChunk(uploadUrl, { first: 0, last: chunk - 1, total: size }, byteStream(chunk));
    expect(retry).toEqual({ status: 206, contentRange: `bytes 0-${chunk - 1}/${size}` });
  });
});

describe("inbox flow", () => {
  it("delivers to the inbox, then completes when the user posts the draft", async () => {
    const res = await api(base, jane.accessToken, "/v2/post/publish/inbox/video/init/", {
      source_info: { source: "FILE_UPLOAD", video_size: fixture.length, chunk_size: fixture.length, total_chunk_count: 1 },
    });
    const publishId = String(res.body.data.publish_id);
    await putChunk(String(res.body.data.upload_url), { first: 0, last: fixture.length - 1, total: fixture.length }, fixture);
    expect((await settled(publishId)).status).toBe("SEND_TO_USER_INBOX");
    const posted = await control(base, "POST", `/publishes/${encodeURIComponent(publishId)}/inbox-post`, { privacy_level: "SELF_ONLY" });
    expect(posted.body).toMatchObject({ status: "PUBLISH_COMPLETE", completeCount: 1 });
    expect(await status(publishId)).toMatchObject({ status: "PUBLISH_COMPLETE", publicaly_available_post_id: [] });
  });
});

describe("faults on the lifecycle", () => {
  it("forces a fail_reason, or keeps a publish processing while neverComplete is set", async () => {
    await control(base, "PUT", "/faults", { failReason: "spam_risk_text" });
    const a = await initFile(fixture.length, fixture.length, 1);
    await putChunk(a.uploadUrl, { first: 0, last: fixture.length - 1, total: fixture.length }, fixture);
    expect(await settled(a.publishId)).toMatchObject({ status: "FAILED", fail_reason: "spam_risk_text" });
    await control(base, "PUT", "/faults", { failReason: null, neverComplete: true });
    const b = await initFile(fixture.length, fixture.length, 1);
    await putChunk(b.uploadUrl, { first: 0, last: fixture.length - 1, total: fixture.length }, fixture);
    await new Promise((r) => setTimeout(r, 150));
    expect((await status(b.publishId)).status).toBe("PROCESSING_UPLOAD");
    await control(base, "DELETE", "/faults");
    expect((await settled(b.publishId)).status).toBe("PUBLISH_COMPLETE");
  });
});
