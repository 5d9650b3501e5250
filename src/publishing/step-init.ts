// Starting a publish: the claim check, pacing, fresh creator info, then exactly one accepted `init`.
// The job is marked `initiating` before the call, so a crash mid-call is seen as "outcome unknown".
import { explain, TikTokError } from "../tiktok/errors";
import { planChunks } from "../tiktok/chunk-plan";
import type { SourceInfo } from "../tiktok/client";
import { checkAgainstCreator } from "./creator-check";
import type { Job } from "./job-store";
import { failJob, note, unconfirmJob, type PublishContext } from "./publish-context";
import { loadPost, recordInit, startPublishing } from "./post-updates";
import { backoffMs, RETRY } from "./retry";
import { ReconnectRequired } from "./token-manager";
import { FIRST_POLL_DELAY_MS, uploadChunks } from "./step-upload";
import { signedMediaUrl } from "../videos/media-url";

const now = () => Date.now();

/** waiting → init: the post must still be queued under this claim (edits and cancels win). */
export async function startJob(ctx: PublishContext, job: Job) {
  const loaded = await loadPost(ctx.db, job.post_id);
  if (!loaded || loaded.post.status !== "queued" || loaded.post.claimToken !== job.claim_token) {
    ctx.store.remove(job.post_id); // edited, cancelled or already handled: this claim is stale
    return;
  }
  if (!(await paced(ctx, job))) return;
  if (!(await startPublishing(ctx.db, job.post_id, job.claim_token, now()))) {
    ctx.store.remove(job.post_id);
    return;
  }
  ctx.store.update(job.post_id, { phase: "init" });
  await initJob(ctx, { ...job, phase: "init" }, { ...loaded, post: { ...loaded.post, status: "publishing" } });
}

/** False (and the job moved to its slot) when this account already used its init budget. */
async function paced(ctx: PublishContext, job: Job) {
  const t = now();
  const slot = ctx.pacer.nextSlot("init", t);
  if (slot <= t) return true;
  ctx.store.update(job.post_id, { next_at: slot, paced_noted: 1 });
  if (!job.paced_noted) {
    await note(ctx, job, "paced", `TikTok allows 6 uploads per minute per account; this post starts at ${new Date(slot).toISOString()}`, t);
  }
  return false;
}

export async function initJob(ctx: PublishContext, job: Job, preloaded?: Awaited<ReturnType<typeof loadPost>>) {
  const loaded = preloaded ?? (await loadPost(ctx.db, job.post_id));
  if (!loaded || loaded.post.status !== "publishing" || loaded.post.claimToken !== job.claim_token) {
    ctx.store.remove(job.post_id);
    return;
  }
  if (!(await paced(ctx, job))) return;
  const { post, video } = loaded;
  let accessToken: string;
  try {
    accessToken = await ctx.tokens.accessToken(now());
  } catch (error) {
    return handleInitError(ctx, job, error);
  }
  let postInfo = null;
  if (post.mode === "direct") {
    try {
      const info = await ctx.creatorInfo(accessToken, now());
      const check = checkAgainstCreator(post, info);
      if (!check.ok) return failJob(ctx, job, check.code, check.message, now(), info.logId);
      postInfo = check.postInfo;
      for (const n of check.notes) await note(ctx, job, "creator_settings", n, now());
    } catch (error) {
      return handleInitError(ctx, job, error);
    }
  }
  const plan = planChunks(video.size);
  const pull = chooseSource(ctx, job);
  const sourceInfo: SourceInfo = pull
    ? { source: "PULL_FROM_URL", video_url: await signedMediaUrl(ctx.env, video.id, now()) }
    : { source: "FILE_UPLOAD", video_size: plan.videoSize, chunk_size: plan.chunkSize, total_chunk_count: plan.totalChunkCount };
  ctx.store.update(job.post_id, { phase: "initiating" });
  const initAt = now();
  ctx.pacer.record("init", initAt);
  let result;
  try {
    result = postInfo
      ? await ctx.client.initDirect(accessToken, postInfo, sourceInfo)
      : await ctx.client.initInbox(accessToken, sourceInfo);
  } catch (error) {
    ctx.store.update(job.post_id, { phase: "init" });
    if (pull && error instanceof TikTokError && error.code === "url_ownership_unverified") {
      // Nothing was created: fall back to streaming the file ourselves (tiktok-api.md §9.6).
      ctx.store.update(job.post_id, { source: "FILE_UPLOAD", source_reason: "TikTok answered url_ownership_unverified for the media URL", next_at: now() });
      return note(ctx, job, "source_fallback", "TikTok could not verify the media domain; switching to FILE_UPLOAD", now(), error.logId);
    }
    return handleInitError(ctx, job, error, true);
  }
  const reason = pull
    ? "PULL_FROM_URL from the verified media domain (TikTok's guidelines prefer it for media already on our storage)"
    : `FILE_UPLOAD: ${job.source_reason ?? "no verified media domain is configured"}`;
  const next: Job = pull
    ? { ...job, phase: "polling", publish_id: result.publishId, upload_url: null, source: "PULL_FROM_URL", attempts: 0, polls: 0, polling_since: now(), next_at: now() + FIRST_POLL_DELAY_MS }
    : { ...job, phase: "uploading", publish_id: result.publishId, upload_url: result.uploadUrl, source: "FILE_UPLOAD", chunk_size: plan.chunkSize, chunk_count: plan.totalChunkCount, next_chunk: 0, attempts: 0, next_at: now() };
  // The publish_id is durable before a single byte moves: a retry resumes, never re-inits.
  const { post_id, ...changes } = next;
  ctx.store.update(post_id, changes);
  await recordInit(ctx.db, job.post_id, {
    publishId: result.publishId,
    initAt,
    mediaSource: next.source!,
    logId: result.logId,
    message: `TikTok accepted the ${post.mode === "direct" ? "post" : "inbox upload"} via ${reason}`,
  });
  if (!pull) await uploadChunks(ctx, next, video);
}

/** PULL_FROM_URL when a verified media domain is configured, unless this post already fell back. */
function chooseSource(ctx: PublishContext, job: Job) {
  return Boolean(ctx.env.MEDIA_BASE_URL) && job.source !== "FILE_UPLOAD";
}

async function handleInitError(ctx: PublishContext, job: Job, error: unknown, initSent = false) {
  const t = now();
  if (error instanceof ReconnectRequired) return failJob(ctx, job, "account_needs_reconnect", error.message, t);
  if (!(error instanceof TikTokError)) {
    if (!initSent) throw error;
    // The init may have been accepted (e.g. a response we could not read): never guess.
    return unconfirmJob(ctx, job, `Could not tell whether TikTok accepted the post (${String(error)}).`, t);
  }
  switch (error.action) {
    case "wait":
      ctx.store.update(job.post_id, { next_at: ctx.pacer.afterRejection(t) });
      return note(ctx, job, "rate_limited", "TikTok asked us to slow down; retrying after its one-minute window", t, error.logId);
    case "reconnect":
      if (error.code === "access_token_invalid" && job.attempts === 0) {
        await ctx.tokens.accessToken(t, true).catch(() => undefined);
        ctx.store.update(job.post_id, { attempts: 1, next_at: t });
        return;
      }
      return failJob(ctx, job, error.code, explain(error.code, error.message), t, error.logId);
    case "retry": {
      if (error.code === "network_error" && initSent) {
        return unconfirmJob(ctx, job, "The connection to TikTok broke while starting the upload.", t);
      }
      const attempts = job.attempts + 1;
      if (attempts >= RETRY.maxAttempts) return failJob(ctx, job, error.code, `TikTok kept failing (${error.code}); giving up after ${attempts} attempts.`, t, error.logId);
      ctx.store.update(job.post_id, { attempts, next_at: t + backoffMs(attempts) });
      return note(ctx, job, "retrying", `TikTok error ${error.httpStatus} (${error.code}); retry ${attempts} of ${RETRY.maxAttempts - 1}`, t, error.logId);
    }
    default:
      return failJob(ctx, job, error.code, explain(error.code, error.message), t, error.logId);
  }
}
