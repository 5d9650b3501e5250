// Content Posting init rules: chunk plans, privacy options, quotas, rate limits, creator_info states.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index.ts";
import { startEmulator } from "../../emulator/index.ts";
import type { Connected } from "../../emulator/testing.ts";
import { api, connect, control, record } from "../../emulator/testing.ts";

let emu: RunningEmulator;
let base: string;
let jane: Connected;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, processingDelayMs: 20, moderationDelayMs: 20 });
  base = emu.url;
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(base, "POST", "/reset");
  await control(base, "PATCH", "/config", { rateLimitWindowMs: 60_000, unaudited: false, dailyPostCap: 15 });
  jane = await connect(base, "jane");
});

const post = { privacy_level: "PUBLIC_TO_EVERYONE", brand_content_toggle: false, title: "Sunset #sky" };
const fileSource = (video_size: number, chunk_size: number, total_chunk_count: number) => ({
  source: "FILE_UPLOAD",
  video_size,
  chunk_size,
  total_chunk_count,
});
const init = (token: string, body: unknown) => api(base, token, "/v2/post/publish/video/init/", body);

describe("chunk plan validation (§3.4)", () => {
  it.each([
    ["TikTok's worked example", 50_000_123, 10_000_000, 5],
    ["one whole chunk under 5 MB", 4_194_304, 4_194_304, 1],
    ["one whole chunk at 64,000,000 B", 64_000_000, 64_000_000, 1],
  ])("accepts %s", async (_name, size, chunk, count) => {
    const res = await init(jane.accessToken, { post_info: post, source_info: fileSource(size, chunk, count) });
    expect(res.body.error.code).toBe("ok");
    expect(String(res.body.data.publish_id)).toMatch(/^v_pub_file~v2-1\.\d+$/);
    expect(String(res.body.data.upload_url)).toMatch(/\/upload\/\?upload_id=\d+&upload_token=/);
  });

  it.each([
    ["a ceil-style count (tiny last chunk)", 50_000_123, 10_000_000, 6],
    ["a split video under 5 MB", 4_194_304, 2_097_152, 2],
    ["a single chunk above 64 MB", 70_000_000, 70_000_000, 1],
    ["chunks below 5 MB", 20_000_000, 4_000_000, 5],
  ])("rejects %s with invalid_params", async (_name, size, chunk, count) => {
    const res = await init(jane.accessToken, { post_info: post, source_info: fileSource(size, chunk, count) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_params", message: "The chunk size is invalid" });
    expect((await record(base)).inits).toHaveLength(0);
  });
});

describe("post_info", () => {
  it("rejects a privacy level outside the creator's options with 403", async () => {
    await control(base, "PUT", "/users/jane", { isPrivate: true });
    const res = await init(jane.accessToken, { post_info: post, source_info: fileSource(1000, 1000, 1) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("privacy_level_option_mismatch");
    const rec = await record(base, jane.openId);
    expect(rec.rejectedInits.map((r) => r.code)).toEqual(["privacy_level_option_mismatch"]);
  });

  it("requires brand_content_toggle and caps the title at 2200 UTF-16 units", async () => {
    const noToggle = await init(jane.accessToken, { post_info: { privacy_level: "SELF_ONLY" }, source_info: fileSource(1000, 1000, 1) });
    expect(noToggle.status).toBe(400);
    const long = await init(jane.accessToken, { post_info: { ...post, title: "😀".repeat(1101) }, source_info: fileSource(1000, 1000, 1) });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe("invalid_param");
    // 1,100 emoji are exactly 2,200 UTF-16 units: accepted.
    const atLimit = await init(jane.accessToken, {
      post_info: { ...post, title: "😀".repeat(1100) },
      source_info: fileSource(1000, 1000, 1),
    });
    expect(atLimit.body.error.code).toBe("ok");
  });

  it("lets unaudited apps post only SELF_ONLY to private accounts", async () => {
    await control(base, "PATCH", "/config", { unaudited: true });
    const res = await init(jane.accessToken, {
      post_info: { ...post, privacy_level: "SELF_ONLY" },
      source_info: fileSource(1000, 1000, 1),
    });
    expect(res.body.error.code).toBe("unaudited_client_can_only_post_to_private_accounts");
    await control(base, "PUT", "/users/jane", { isPrivate: true });
    const ok = await init(jane.accessToken, { post_info: { ...post, privacy_level: "SELF_ONLY" }, source_info: fileSource(1000, 1000, 1) });
    expect(ok.body.error.code).toBe("ok");
  });
});

describe("quotas and limits", () => {
  it("answers the 7th init within one window with 429 rate_limit_exceeded", async () => {
    await control(base, "PATCH", "/config", { rateLimitWindowMs: 1500 });
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push((await init(jane.accessToken, { post_info: post, source_info: fileSource(1000, 1000, 1) })).body.error.code);
    }
    expect(codes).toEqual(["ok", "ok", "ok", "ok", "ok", "ok", "rate_limit_exceeded"]);
    // The inbox init has its own window per token.
    const inbox = await api(base, jane.accessToken, "/v2/post/publish/inbox/video/init/", { source_info: fileSource(1000, 1000, 1) });
    expect(inbox.body.error.code).toBe("ok");
    await new Promise((r) => setTimeout(r, 1600));
    expect((await init(jane.accessToken, { post_info: post, source_info: fileSource(1000, 1000, 1) })).body.error.code).toBe("ok");
  });

  it("reports 'cannot post' on creator_info with HTTP 200 and blocks Direct init with 403", async () => {
    await control(base, "PUT", "/users/jane", { cannotPost: "spam_risk_user_banned_from_posting" });
    const info = await api(base, jane.accessToken, "/v2/post/publish/creator_info/query/");
    expect(info.status).toBe(200);
    expect(info.body.error.code).toBe("spam_risk_user_banned_from_posting");
    const res = await init(jane.accessToken, { post_info: post, source_info: fileSource(1000, 1000, 1) });
    expect(res.status).toBe(403);
  });

  it("enforces the daily Direct Post cap", async () => {
    await control(base, "PATCH", "/config", { dailyPostCap: 2 });
    for (let i = 0; i < 2; i++) await init(jane.accessToken, { post_info: post, source_info: fileSource(1000, 1000, 1) });
    const third = await init(jane.accessToken, { post_info: post, source_info: fileSource(1000, 1000, 1) });
    expect(third.body.error.code).toBe("spam_risk_too_many_posts");
    const info = await api(base, jane.accessToken, "/v2/post/publish/creator_info/query/");
    expect([info.status, info.body.error.code]).toEqual([200, "spam_risk_too_many_posts"]);
  });

  it("returns the creator profile for private accounts with private privacy options", async () => {
    await control(base, "PUT", "/users/jane", { isPrivate: true, nickname: "Jane D", maxVideoPostDurationSec: 180 });
    const info = await api(base, jane.accessToken, "/v2/post/publish/creator_info/query/");
    expect(info.body.data).toMatchObject({
      creator_username: "jane",
      creator_nickname: "Jane D",
      duet_disabled: true,
      stitch_disabled: true,
      privacy_level_options: ["FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"],
      max_video_post_duration_sec: 180,
    });
  });

  it("needs video.publish for Direct Post and video.upload for inbox", async () => {
    const uploader = await connect(base, "uploader", "user.info.basic,video.upload");
    const res = await init(uploader.accessToken, { post_info: post, source_info: fileSource(1000, 1000, 1) });
    expect([res.status, res.body.error.code]).toEqual([401, "scope_not_authorized"]);
    const inbox = await api(base, uploader.accessToken, "/v2/post/publish/inbox/video/init/", { source_info: fileSource(1000, 1000, 1) });
    expect(String(inbox.body.data.publish_id)).toMatch(/^v_inbox_file~v2\.\d+$/);
  });

  it("refuses a sixth pending inbox share", async () => {
    for (let i = 0; i < 5; i++) {
      await api(base, jane.accessToken, "/v2/post/publish/inbox/video/init/", { source_info: fileSource(1000, 1000, 1) });
    }
    await control(base, "PATCH", "/config", { rateLimitWindowMs: 1 });
    const sixth = await api(base, jane.accessToken, "/v2/post/publish/inbox/video/init/", { source_info: fileSource(1000, 1000, 1) });
    expect([sixth.status, sixth.body.error.code]).toEqual([403, "spam_risk_too_many_pending_share"]);
  });
});

describe("status/fetch", () => {
  it("rejects unknown ids and other users' publishes", async () => {
    const mine = await init(jane.accessToken, { post_info: post, source_info: fileSource(1000, 1000, 1) });
    const bob = await connect(base, "bob");
    const other = await api(base, bob.accessToken, "/v2/post/publish/status/fetch/", { publish_id: mine.body.data.publish_id });
    expect(other.body.error.code).toBe("token_not_authorized_for_specified_publish_id");
    const unknown = await api(base, bob.accessToken, "/v2/post/publish/status/fetch/", { publish_id: "v_pub_file~v2-1.1" });
    expect(unknown.body.error.code).toBe("invalid_publish_id");
    const own = await api(base, jane.accessToken, "/v2/post/publish/status/fetch/", { publish_id: mine.body.data.publish_id });
    expect(own.body.data).toEqual({ status: "PROCESSING_UPLOAD", publicaly_available_post_id: [], uploaded_bytes: 0 });
  });

  it("can force 429s and 5xx through faults", async () => {
    await control(base, "PUT", "/faults", { openId: jane.openId, force429: 1 });
    const a = await api(base, jane.accessToken, "/v2/post/publish/creator_info/query/");
    const b = await api(base, jane.accessToken, "/v2/post/publish/creator_info/query/");
    expect([a.status, b.status]).toEqual([429, 200]);
    await control(base, "PUT", "/faults", { errorRate5xx: 1 });
    expect((await api(base, jane.accessToken, "/v2/post/publish/creator_info/query/")).status).toBe(500);
    await control(base, "DELETE", "/faults");
    expect((await api(base, jane.accessToken, "/v2/post/publish/creator_info/query/")).status).toBe(200);
  });
});
