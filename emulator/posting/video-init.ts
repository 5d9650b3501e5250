// Direct Post and inbox video init (tiktok-api.md §3.2-3.4): validation, quotas, publish creation.
import { createHash } from "node:crypto";
import { Hono } from "hono";
import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { bearer, requireScope } from "../oauth/bearer-auth.ts";
import { directPostBlock, pendingShares } from "./caps.ts";
import { chunkPlanProblem } from "../uploads/chunk-plan.ts";
import type { Emulator } from "../core/emulator.ts";
import { faultsMiddleware } from "../core/faults.ts";
import { fail, ok, readJsonObject } from "../core/http.ts";
import type { Ctx, EmuEnv } from "../core/http.ts";
import { nextSerial, randomToken } from "../core/ids.ts";
import { MediaSniffer } from "../uploads/media-sniffer.ts";
import { directInitBody, describeZodError, inboxInitBody } from "./schemas.ts";
import type { PostInfo, SourceInfo } from "./schemas.ts";
import { isVerifiedUrl, startPull } from "./pull.ts";
import { rateLimit } from "../core/rate-limit.ts";
import type { Publish, User } from "../core/types.ts";

type Mode = "direct" | "inbox";
type Reject = (status: ContentfulStatusCode, code: string, message: string) => Response;

function sourceProblem(emu: Emulator, s: SourceInfo, reject: Reject): Response | null {
  if (s.source === "FILE_UPLOAD") {
    const plan = { videoSize: s.video_size, chunkSize: s.chunk_size, chunkCount: s.total_chunk_count };
    return chunkPlanProblem(plan, emu.options.chunkRules) ? reject(400, "invalid_params", "The chunk size is invalid") : null;
  }
  if (!URL.canParse(s.video_url)) return reject(400, "invalid_param", "video_url is not a valid URL.");
  // https only, under a verified domain/prefix; an http prefix may be verified for local testing.
  if (!isVerifiedUrl(s.video_url, emu.options.verifiedUrlPrefixes)) {
    return reject(403, "url_ownership_unverified", "The video_url's domain or URL prefix is not verified for this app.");
  }
  return null;
}

function directProblem(emu: Emulator, user: User, post: PostInfo, reject: Reject): Response | null {
  const block = directPostBlock(emu, user);
  if (block) return reject(403, block, `The creator cannot post right now (${block}).`);
  if (emu.options.unaudited && (post.privacy_level !== "SELF_ONLY" || !user.isPrivate)) {
    return reject(403, "unaudited_client_can_only_post_to_private_accounts", "Unaudited clients can only post to private accounts with SELF_ONLY visibility.");
  }
  if (!post.privacy_level || !emu.privacyOptions(user).includes(post.privacy_level)) {
    return reject(403, "privacy_level_option_mismatch", "privacy_level is missing or not among the creator's privacy_level_options.");
  }
  if (post.brand_content_toggle && post.privacy_level === "SELF_ONLY") {
    return reject(400, "invalid_param", "Branded content visibility cannot be set to private.");
  }
  return null;
}

function publishIdFor(mode: Mode, s: SourceInfo): string {
  const n = nextSerial();
  if (mode === "direct") return s.source === "FILE_UPLOAD" ? `v_pub_file~v2-1.${n}` : `v_pub_url~v2.${n}`;
  return s.source === "FILE_UPLOAD" ? `v_inbox_file~v2.${n}` : `v_inbox_url~v2.${n}`;
}

function createPublish(emu: Emulator, c: Ctx, mode: Mode, user: User, s: SourceInfo, post: PostInfo | null): Record<string, string> {
  const now = emu.now();
  const publishId = publishIdFor(mode, s);
  const p: Publish = {
    publishId, openId: user.openId, mode, source: s.source, privacyLevel: post?.privacy_level ?? null,
    status: s.source === "FILE_UPLOAD" ? "PROCESSING_UPLOAD" : "PROCESSING_DOWNLOAD",
    failReason: null, postIds: [], publicPostIds: [], uploadedBytes: 0, downloadedBytes: 0,
    createdAt: now, completedAt: null, completeCount: 0, pull: null, upload: null,
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
    uploadId, uploadToken, publishId, videoSize: s.video_size, chunkSize: s.chunk_size, chunkCount: s.total_chunk_count,
    nextChunk: 0, uploadedBytes: 0, busy: false, expiresAt: now + emu.options.uploadUrlTtlSec * 1000,
    hash: createHash("sha256"), sniffer: new MediaSniffer(), startedAt: now,
  };
  emu.state.uploads.set(uploadId, p.upload);
  const base = emu.options.publicUrl ?? new URL(c.req.url).origin;
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
    publish_id: data.publish_id, open_id: openId, mode, source: source.source, at: emu.now(),
    post_info: body.post_info ?? null, source_info: body.source_info,
  });
  return ok(c, data);
}

function inboxProblem(emu: Emulator, user: User, reject: Reject): Response | null {
  if (user.cannotPost === "spam_risk_user_banned_from_posting") {
    return reject(403, "spam_risk_user_banned_from_posting", "The user is banned from making new posts.");
  }
  if (pendingShares(emu, user.openId) >= emu.options.pendingShareCap) {
    return reject(403, "spam_risk_too_many_pending_share", "The user has too many pending inbox shares.");
  }
  return null;
}

/** Every init that did not end `ok` (401, 429, 5xx included) lands in the ledger's rejectedInits. */
function recordRejected(emu: Emulator): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    await next();
    const code = c.get("errCode") ?? null;
    if (code === "ok") return;
    emu.state.ledger.rejectedInits.push({ open_id: c.get("openId") ?? "", at: emu.now(), code: code ?? String(c.res.status), endpoint: c.req.path });
  };
}

export function postingRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.post("/v2/post/publish/video/init/", recordRejected(emu), bearer(emu), faultsMiddleware(emu), rateLimit(emu, "video_init", "init"),
    requireScope("video.publish"), (c) => handleInit(emu, c, "direct"));
  app.post("/v2/post/publish/inbox/video/init/", recordRejected(emu), bearer(emu), faultsMiddleware(emu), rateLimit(emu, "inbox_init", "init"),
    requireScope("video.upload"), (c) => handleInit(emu, c, "inbox"));
  return app;
}
