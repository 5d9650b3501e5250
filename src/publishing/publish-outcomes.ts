// How the publisher's results reach D1: an outcome is a post transition guarded by the job's claim (an edit,
// a cancel or a webhook that got there first wins), progress is a fact on the post, notes go on the timeline.
import type { Database } from "../db/client";
import { insertEvents } from "../posts/post-events";
import { recordInit, recordPostId, recordUploaded } from "../posts/post-progress";
import { transitionOne } from "../posts/post-transitions";
import type { Job } from "./job-store";
import type { Note, Outcome, Progress } from "./publish-phases";

/** Moves the post to the outcome; false when it had already moved on (a webhook, an edit). */
export async function recordOutcome(db: Database, job: Job, outcome: Outcome, now: number): Promise<boolean> {
  const target = { postId: job.post_id, claimToken: job.claim_token };
  switch (outcome.status) {
    case "published": {
      const event = { type: "published", message: outcome.message, logId: outcome.logId };
      const set = { tiktokPostId: outcome.tiktokPostId, lastErrorCode: null, lastErrorMessage: null, completedAt: now };
      return (await transitionOne(db, "publish", target, { set, event }, now)) !== null;
    }
    case "sent_to_inbox": {
      const event = { type: "sent_to_inbox", message: outcome.message, logId: outcome.logId };
      const set = { lastErrorCode: null, lastErrorMessage: null, completedAt: now };
      return (await transitionOne(db, "deliverToInbox", target, { set, event }, now)) !== null;
    }
    case "failed": {
      const set = { lastErrorCode: outcome.code, lastErrorMessage: outcome.message };
      return (
        (await transitionOne(
          db,
          "fail",
          target,
          { set, event: { type: "failed", message: outcome.message, logId: outcome.logId } },
          now,
        )) !== null
      );
    }
    case "unconfirmed": {
      const message = `${outcome.reason} Check the TikTok profile before publishing this again.`;
      const set = { lastErrorCode: "unconfirmed", lastErrorMessage: message };
      return (await transitionOne(db, "unconfirm", target, { set, event: { type: "unconfirmed", message } }, now)) !== null;
    }
  }
}

/** Records a fact on the way. */
export async function recordProgress(db: Database, job: Job, progress: Progress, now: number): Promise<boolean> {
  switch (progress.kind) {
    case "init":
      await recordInit(db, job.post_id, job.claim_token, progress);
      return true;
    case "uploaded":
      await recordUploaded(db, job.post_id, job.claim_token, progress.chunks, now);
      return true;
    case "post_id":
      await recordPostId(db, job.post_id, progress.tiktokPostId, now);
      return true;
  }
}

export async function recordNotes(db: Database, job: Job, notes: Note[] | undefined, now: number) {
  if (!notes?.length) return;
  const [first, ...rest] = insertEvents(
    db,
    notes.map((n) => ({ postId: job.post_id, at: now, ...n })),
  );
  await db.batch([first!, ...rest]);
}
