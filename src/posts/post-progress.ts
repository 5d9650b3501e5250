// What happens to a post between status changes, each written with its timeline event: TikTok accepted the
// init, the bytes are up, the public post id arrived, a pre-flight check found (or cleared) a problem.
import type { Database } from "../db/client";
import { annotate, transitionOne } from "./post-transitions";

export type InitAccepted = { publishId: string; initAt: number; mediaSource: string; logId: string | null; message: string };

/**
 * TikTok accepted the init. For a post's first init this is also the move queued → publishing: until the init left,
 * the account's Durable Object was the post's authority and edits or cancels reached it first (issue 15).
 */
export async function recordInit(db: Database, postId: string, claimToken: string, init: InitAccepted) {
  const change = {
    set: { publishId: init.publishId, initAt: init.initAt, mediaSource: init.mediaSource },
    event: {
      type: "init_accepted",
      message: init.message,
      logId: init.logId,
      data: { publishId: init.publishId, source: init.mediaSource },
    },
  };
  const started = await transitionOne(db, "start", { postId, claimToken }, change, init.initAt);
  if (!started) await annotate(db, ["publishing"], { postId, claimToken }, change, init.initAt);
}

export async function recordUploaded(db: Database, postId: string, claimToken: string, chunks: number, now: number) {
  await annotate(
    db,
    // A webhook may already have reported the outcome of the bytes just sent.
    ["publishing", "published", "sent_to_inbox", "failed"],
    { postId, claimToken },
    {
      set: { uploadedAt: now },
      event: { type: "uploaded", message: `Video uploaded to TikTok in ${chunks} chunk(s); TikTok is processing it` },
    },
    now,
  );
}

/** The public post id often arrives after PUBLISH_COMPLETE (moderation); record it when it does. */
export async function recordPostId(db: Database, postId: string, tiktokPostId: string, now: number) {
  await annotate(
    db,
    ["published"],
    { postId },
    { set: { tiktokPostId }, event: { type: "post_id", message: `TikTok post id ${tiktokPostId}` } },
    now,
  );
}

/** A pre-flight verdict ~10 minutes ahead: the problems become the post's warning, or the warning clears. */
export async function recordPreflight(db: Database, postId: string, problems: string[], now: number) {
  const warning = problems.length > 0 ? problems.join(" ") : null;
  const event = warning
    ? { type: "preflight_warning", message: `Pre-flight check found a problem: ${warning}` }
    : { type: "preflight_ok", message: "Pre-flight check passed: the account can post this as scheduled" };
  await annotate(db, ["scheduled", "queued"], { postId }, { set: { warning }, event }, now);
}
