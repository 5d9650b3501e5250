// TikTok's own rules as we apply them: the chunk plan (tiktok-api.md §3.4), int64 post ids, error actions.
import { describe, expect, it } from "vitest";
import { chunkRange, planChunks } from "../../src/tiktok/chunk-plan";
import { actionFor } from "../../src/tiktok/errors";
import { parseJson, uploadedBytes } from "../../src/tiktok/schemas";

describe("chunk plan", () => {
  it("sends anything up to 64,000,000 bytes as one chunk of exactly its size", () => {
    expect(planChunks(4_194_304)).toEqual({ videoSize: 4_194_304, chunkSize: 4_194_304, totalChunkCount: 1 });
    expect(planChunks(64_000_000).totalChunkCount).toBe(1);
  });

  it("counts chunks with floor() and merges the remainder into the last (TikTok's worked example)", () => {
    const plan = planChunks(70_000_123);
    expect(plan).toEqual({ videoSize: 70_000_123, chunkSize: 10_000_000, totalChunkCount: 7 });
    expect(chunkRange(plan, 0)).toEqual({ first: 0, last: 9_999_999, length: 10_000_000 });
    expect(chunkRange(plan, 6)).toEqual({ first: 60_000_000, last: 70_000_122, length: 10_000_123 });
  });

  it("keeps 4 GB within 1000 chunks and every chunk between 5 MB and 64 MB (last ≤ 128 MB)", () => {
    const size = 4 * 1024 ** 3;
    const plan = planChunks(size);
    expect(plan.totalChunkCount).toBeLessThanOrEqual(1000);
    expect(plan.chunkSize).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(plan.chunkSize).toBeLessThanOrEqual(64_000_000);
    expect(chunkRange(plan, plan.totalChunkCount - 1).length).toBeLessThanOrEqual(128_000_000);
  });
});

describe("TikTok responses", () => {
  it("keeps every digit of int64 post ids that TikTok sends as bare JSON numbers", () => {
    const body = parseJson(
      '{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7311111111111111111, 7311111111111111112]},"error":{"code":"ok"}}',
    ) as any;
    expect(body.data.publicaly_available_post_id).toEqual(["7311111111111111111", "7311111111111111112"]);
  });

  it("reads upload progress from Content-Range, including before any byte arrived", () => {
    expect(uploadedBytes("bytes 0-9999999/50000123")).toBe(10_000_000);
    expect(uploadedBytes("bytes */50000123")).toBe(0);
    expect(uploadedBytes(null)).toBeNull();
  });

  it("waits on rate limits, retries 5xx, asks for a reconnect on dead tokens, and explains refusals", () => {
    expect(actionFor("rate_limit_exceeded", 429)).toBe("wait");
    expect(actionFor("internal_error", 500)).toBe("retry");
    expect(actionFor("access_token_invalid", 401)).toBe("reconnect");
    expect(actionFor("spam_risk_too_many_posts", 403)).toBe("user");
    expect(actionFor("invalid_params", 400)).toBe("fix");
  });
});
