// initiating → uploading | polling: send the prepared init, exactly once. The job enters this phase only with
// its request written down, and a run interrupted here ends `unconfirmed` (publish-phases.ts), never re-sent.
import { TikTokError } from "../tiktok/errors";
import { initFailure } from "./init-errors";
import type { Job } from "./job-store";
import type { PublishContext } from "./publish-context";
import type { StepResult } from "./publish-phases";
import type { InitRequest } from "./step-prepare";
import { FIRST_POLL_DELAY_MS } from "./step-upload";

export async function sendInitStep(ctx: PublishContext, job: Job): Promise<StepResult> {
  const { postInfo, sourceInfo } = JSON.parse(job.request!) as InitRequest;
  const pull = sourceInfo.source === "PULL_FROM_URL";
  let accessToken: string;
  try {
    accessToken = await ctx.tokens.accessToken(ctx.clock.now());
  } catch (error) {
    return initFailure(ctx, job, error, { sent: false });
  }
  const initAt = ctx.clock.now(); // its pacing slot was taken when it was prepared
  let result: Awaited<ReturnType<typeof ctx.client.initDirect>>;
  try {
    result = postInfo
      ? await ctx.client.initDirect(accessToken, postInfo, sourceInfo)
      : await ctx.client.initInbox(accessToken, sourceInfo);
  } catch (error) {
    if (pull && error instanceof TikTokError && error.code === "url_ownership_unverified") {
      // Nothing was created: fall back to streaming the file ourselves (tiktok-api.md §9.6).
      return {
        next: "init",
        at: ctx.clock.now(),
        set: { source: "FILE_UPLOAD", source_reason: "TikTok answered url_ownership_unverified for the media URL", request: null },
        notes: [
          { type: "source_fallback", message: "TikTok could not verify the media domain; switching to FILE_UPLOAD", logId: error.logId },
        ],
      };
    }
    return initFailure(ctx, job, error, { sent: true });
  }
  const reason = pull
    ? "PULL_FROM_URL from the verified media domain (TikTok's guidelines prefer it for media already on our storage)"
    : `FILE_UPLOAD: ${job.source_reason ?? "no verified media domain is configured"}`;
  const progress = {
    kind: "init" as const,
    publishId: result.publishId,
    initAt,
    mediaSource: sourceInfo.source,
    logId: result.logId,
    message: `TikTok accepted the ${postInfo ? "post" : "inbox upload"} via ${reason}`,
  };
  const now = ctx.clock.now();
  // The publish_id is durable before a single byte moves: a retry resumes, never re-inits.
  if (sourceInfo.source === "PULL_FROM_URL") {
    const set = { publish_id: result.publishId, upload_url: null, source: sourceInfo.source, polls: 0, polling_since: now, request: null };
    return { next: "polling", at: now + FIRST_POLL_DELAY_MS, set, progress };
  }
  const set = {
    publish_id: result.publishId,
    upload_url: result.uploadUrl,
    source: sourceInfo.source,
    chunk_size: sourceInfo.chunk_size,
    chunk_count: sourceInfo.total_chunk_count,
    next_chunk: 0,
    request: null,
  };
  return { next: "uploading", at: now, set, progress };
}
