// Many posts at once (the CSV import): every check createPost makes, without writing; then all of them in one batch.
import { newId } from "../shared/ids";
import { newPostRow } from "./new-post-row";
import { handOverIfDueSoon, type PostsDeps } from "./post-handover";
import { liveReads } from "./post-reads";
import { createScheduledMany } from "./post-transitions";
import { findPosts } from "./posts.repo";
import type { NewPost } from "./posts.schemas";
import { type Actor, checkLocalTime, needsApproval, validate, warningsFor } from "./posts.service";

/** Every check createPost makes, writing nothing: throws the same AppError, answers the same warnings (CSV preview). */
export async function checkNewPost(deps: PostsDeps, actor: Actor, input: NewPost, now: number, reads = liveReads(deps)) {
  checkLocalTime(input.scheduledAt, input.timezone);
  const settings = { ...input, scheduledAt: Date.parse(input.scheduledAt) };
  await validate(deps, actor.workspaceId, input.accountId, settings, now, reads);
  return warningsFor(reads, input.accountId, settings);
}

/** Creates several posts after the same checks, in one batch: all or none (the CSV import's confirm). */
export async function createPosts(deps: PostsDeps, actor: Actor, inputs: NewPost[], now: number, reads = liveReads(deps)) {
  const { db } = deps;
  const status = (await needsApproval(db, actor)) ? "pending_approval" : "scheduled";
  const rows = [];
  for (const input of inputs) {
    const warnings = await checkNewPost(deps, actor, input, now, reads);
    const id = newId("post");
    rows.push(newPostRow(actor, input, { id, status, scheduledAt: Date.parse(input.scheduledAt), warning: warnings[0] ?? null }, now));
  }
  await createScheduledMany(db, rows, (row) => {
    const when = `${new Date(row.scheduledAt).toISOString()} (${row.timezone})`;
    return status === "scheduled"
      ? { type: "scheduled", message: `Scheduled for ${when} (imported)` }
      : { type: "submitted", message: `Submitted for approval, to go out at ${when} (imported)` };
  });
  for (const row of rows) await handOverIfDueSoon(deps, row, now);
  return findPosts(
    db,
    actor.workspaceId,
    rows.map((r) => r.id),
  );
}
