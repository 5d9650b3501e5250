// Publish status lifecycle (tiktok-api.md §3.10): processing timers, media checks, completion, moderation, webhooks.
import type { Emulator } from "../core/emulator.ts";
import { faultValue } from "../core/faults.ts";
import { postIdDigits } from "../core/ids.ts";
import type { Publish } from "../core/types.ts";
import { addVideo } from "../display/videos.ts";
import type { MediaSniffer } from "../uploads/media-sniffer.ts";
import { emitWebhook } from "../webhooks/emit.ts";

export const publishType = (p: Publish) => (p.mode === "inbox" ? "INBOX_SHARE" : "DIRECT_PUBLISH");

const alive = (emu: Emulator, p: Publish) => emu.state.publishes.get(p.publishId) === p;

export function markFailed(emu: Emulator, p: Publish, reason: string): void {
  if (p.status === "FAILED" || !alive(emu, p)) return;
  p.status = "FAILED";
  p.failReason = reason;
  p.completedAt = emu.now();
  emitWebhook(emu, p.openId, "post.publish.failed", { publish_id: p.publishId, reason, publish_type: publishType(p) });
}

/** Media fully received: processing takes `processingDelayMs`, then checks decide the outcome. */
export function startProcessing(emu: Emulator, p: Publish, media: MediaSniffer): void {
  emu.state.schedule(() => finishProcessing(emu, p, media), emu.options.processingDelayMs);
}

function finishProcessing(emu: Emulator, p: Publish, media: MediaSniffer): void {
  if (!alive(emu, p) || p.status === "FAILED") return;
  if (faultValue(emu, p.openId, "neverComplete")) {
    // Stay PROCESSING_* but re-check, so clearing the fault lets the publish finish.
    emu.state.schedule(() => finishProcessing(emu, p, media), Math.max(50, emu.options.processingDelayMs));
    return;
  }
  const forced = faultValue(emu, p.openId, "failReason");
  const problem = forced || mediaProblem(emu, p, media);
  if (problem) {
    markFailed(emu, p, problem);
    return;
  }
  if (p.mode === "inbox") {
    p.status = "SEND_TO_USER_INBOX";
    emitWebhook(emu, p.openId, "post.publish.inbox_delivered", { publish_id: p.publishId, publish_type: publishType(p) });
    return;
  }
  complete(emu, p, p.privacyLevel ?? "SELF_ONLY", media.durationSec() ?? 0);
}

/** Container must be MP4/MOV (ftyp) or WebM (EBML); MP4 duration must fit the creator's max (§6). */
function mediaProblem(emu: Emulator, p: Publish, media: MediaSniffer): string | null {
  const container = media.container();
  if (container === "unknown") return "file_format_check_failed";
  if (container === "webm") return null; // WebM duration is not parsed by the emulator
  const duration = media.durationSec();
  if (duration === null) return "file_format_check_failed";
  const user = emu.state.userByOpenId(p.openId);
  const max = p.mode === "inbox" ? emu.options.inboxMaxDurationSec : (user?.maxVideoPostDurationSec ?? 600);
  return duration > max ? "duration_check_failed" : null;
}

/**
 * A post now exists (a video on the profile); public ones become publicly available after moderation. Inbox drafts
 * may complete repeatedly. With `omitPublicPostId` the video still goes public, but TikTok never names its id.
 */
export function complete(emu: Emulator, p: Publish, privacyLevel: string, durationSec = 0): void {
  const postId = postIdDigits(emu.options.postIdFormat === "safe-number");
  p.status = "PUBLISH_COMPLETE";
  p.completedAt = emu.now();
  p.completeCount++;
  p.postIds.push(postId);
  p.postIdHidden = emu.options.omitPublicPostId;
  const video = addVideo(emu, {
    id: postId,
    openId: p.openId,
    createdAt: p.completedAt,
    title: p.title,
    durationSec,
    isPublic: false,
    metrics: null,
  });
  emitWebhook(emu, p.openId, "post.publish.complete", { publish_id: p.publishId, publish_type: publishType(p) });
  if (privacyLevel !== "PUBLIC_TO_EVERYONE") return;
  emu.state.schedule(() => {
    if (!alive(emu, p)) return;
    video.isPublic = true;
    if (p.postIdHidden) return;
    p.publicPostIds.push(postId);
    emitWebhook(emu, p.openId, "post.publish.publicly_available", {
      publish_id: p.publishId,
      post_id: postId,
      publish_type: publishType(p),
    });
  }, emu.options.moderationDelayMs);
}
