// Direct Post and inbox video init routes (tiktok-api.md §3.2-3.4): validation order, publish creation, ledger.
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import { faultsMiddleware } from "../core/faults.ts";
import type { Ctx, EmuEnv } from "../core/http.ts";
import { fail, ok, readJsonObject } from "../core/http.ts";
import { nextSerial, randomToken } from "../core/ids.ts";
import { rateLimit } from "../core/rate-limit.ts";
import type { Publish, User } from "../core/types.ts";
import { bearer, requireScope } from "../oauth/bearer-auth.ts";
import { MediaSniffer } from "../uploads/media-sniffer.ts";
import type { Reject } from "./init-checks.ts";
import { directProblem, inboxProblem, sourceProblem } from "./init-checks.ts";
import { startPull } from "./pull.ts";
import type { PostInfo, SourceInfo } from "./schemas.ts";
import { describeZodError, directInitBody, inboxInitBody } from "./schemas.ts";

type Mode = "direct" | "inbox";

function publishIdFor(mode: Mode, s: SourceInfo): string {
  const n = nextSerial();
  if (mode === "direct") return s.source === "FILE_UPLOAD" ? `v_pub_file~v2-1.${n}` : `v_pub_url~v2.${n}`;
  return s.source === "FILE_UPLOAD" ? `v_inbox_file~v2.${n}` : `v_inbox_url~v2.${n}`;
}

function createPublish(emu: Emulator, c: Ctx, mode: Mode, user: User, s: SourceInfo, post: PostInfo | null): Record<string, string> {
  const now = emu.now();
  const publishId = publishIdFor(mode, s);
  const p: Publish = {
    publishId,
    openId: user.openId,
    mode,
    source: s.source,
    privacyLevel: post?.privacy_level ?? null,
    title: post?.title ?? "",
    status: s.source === "FILE_UPLOAD" ? "PROCESSING_UPLOAD" : "PROCESSING_DOWNLOAD",
    failReason: null,
    postIds: [],
    publicPostIds: [],
    postIdHidden: false,
    uploadedBytes: 0,
    downloadedBytes: 0,
    createdAt: now,
    completedAt: null,
    completeCount: 0,
    pull: null,
    upload: null,
  };
  emu.state.publishes.set(publishId, p);
  if (s.source === "PULL_FROM_URL") {
    p.pull = { url: s.video_url, abort: new AbortController(), cancelled: false, running: true };
    startPull(emu, p);
    return { publish_id: publishId };
  }
  const uploadId = nextSerial();
  const uploadToken = randomToken(24);
  p.upload = {
    uploadId,
    uploadToken,
    publishId,
    videoSize: s.video_size,
    chunkSize: s.chunk_size,
    chunkCount: s.total_chunk_count,
    nextChunk: 0,
    uploadedBytes: 0,
    busy: false,
    expiresAt: now + emu.options.uploadUrlTtlSec * 1000,
    hash: createHash("sha256"),
    sniffer: new MediaSniffer(),
    startedAt: now,
  };
  emu.state.uploads.set(uploadId, p.upload);
  const base = emu.baseUrl(c.req.url);
  return { publish_id: publishId, upload_url: `${base}/upload/?upload_id=${uploadId}&upload_token=${uploadToken}` };
}

async function handleInit(emu: Emulator, c: Ctx, mode: Mode): Promise<Response> {
  const openId = c.get("openId") ?? "";
  const user = emu.state.userByOpenId(openId);
  const reject: Reject = (status, code, message) => fail(c, status, code, message);
  if (!user) return reject(401, "access_token_invalid", "The access token is invalid or not found in the request.");
  const body = await readJsonObject(c);
  if (!body) return reject(400, "invalid_param", "The request body must be a JSON object (Content-Type: application/json).");
  const parsed = (mode === "direct" ? directInitBody : inboxInitBody).safeParse(body);
  if (!parsed.success) return reject(400, "invalid_param", describeZodError(parsed.error));
  const source = parsed.data.source_info;
  const post = mode === "direct" ? (parsed.data.post_info as PostInfo) : null;
  // 400s (chunk plan) come before the 403 policy checks; URL ownership is checked last.
  const problem =
    (source.source === "FILE_UPLOAD" ? sourceProblem(emu, source, reject) : null) ??
    (post ? directProblem(emu, user, post, reject) : inboxProblem(emu, user, reject)) ??
    (source.source === "PULL_FROM_URL" ? sourceProblem(emu, source, reject) : null);
  if (problem) return problem;
  const data = createPublish(emu, c, mode, user, source, post);
  emu.state.ledger.inits.push({
    publish_id: data.publish_id,
    open_id: openId,
    mode,
    source: source.source,
    at: emu.now(),
    post_info: body.post_info ?? null,
    source_info: body.source_info,
  });
  return ok(c, data);
}

/** Every init that did not end `ok` (401, 429, 5xx included) lands in the ledger's rejectedInits. */
function recordRejected(emu: Emulator): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    await next();
    const code = c.get("errCode") ?? null;
    if (code === "ok") return;
    emu.state.ledger.rejectedInits.push({
      open_id: c.get("openId") ?? "",
      at: emu.now(),
      code: code ?? String(c.res.status),
      endpoint: c.req.path,
    });
  };
}

export function videoInitRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.post(
    "/v2/post/publish/video/init/",
    recordRejected(emu),
    bearer(emu),
    faultsMiddleware(emu),
    rateLimit(emu, "video_init", "init"),
    requireScope("video.publish"),
    (c) => handleInit(emu, c, "direct"),
  );
  app.post(
    "/v2/post/publish/inbox/video/init/",
    recordRejected(emu),
    bearer(emu),
    faultsMiddleware(emu),
    rateLimit(emu, "inbox_init", "init"),
    requireScope("video.upload"),
    (c) => handleInit(emu, c, "inbox"),
  );
  return app;
}
