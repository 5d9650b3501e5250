// The cron's video housekeeping: abort multipart uploads left unfinished for a day (R2 would keep their parts for
// 7 days), remove the R2 objects of rejected or deleted videos after VIDEO_PURGE_AFTER_DAYS, and re-send probes
// whose message was lost. Each step works on a bounded batch; the next tick takes the rest.
import type { Database } from "../db/client";
import { abandonedUploads, markPurged, probesToResend, touchVideos, videosToPurge } from "./video-cleanup.repo";
import { deleteVideoRows } from "./videos.repo";
import type { MediaMessage } from "./videos.schemas";
import { abortUpload } from "./videos.service";

export const ABANDON_UPLOAD_AFTER_MS = 24 * 3600 * 1000;
/** A probe takes seconds; one still pending after this lost its message (or exhausted it before the DLQ ran). */
export const RESEND_PROBE_AFTER_MS = 15 * 60 * 1000;
const DEFAULT_PURGE_AFTER_DAYS = 7;

export type VideoCleanup = { abortedUploads: number; purged: number; reprobed: number };

export function purgeAfterMs(env: Pick<Env, "VIDEO_PURGE_AFTER_DAYS">) {
  const days = Number(env.VIDEO_PURGE_AFTER_DAYS);
  return (Number.isFinite(days) && days >= 0 ? days : DEFAULT_PURGE_AFTER_DAYS) * 24 * 3600 * 1000;
}

export async function cleanUpVideos(db: Database, env: Env, now: number): Promise<VideoCleanup> {
  const abandoned = await abandonedUploads(db, now - ABANDON_UPLOAD_AFTER_MS);
  for (const upload of abandoned) {
    if (upload.uploadId) await abortUpload(env.VIDEOS, upload.r2Key, upload.uploadId);
    if (upload.thumbnailKey) await env.VIDEOS.delete(upload.thumbnailKey);
  }
  await deleteVideoRows(
    db,
    abandoned.map((u) => u.id),
  );

  const due = await videosToPurge(db, now - purgeAfterMs(env));
  if (due.length > 0) await env.VIDEOS.delete(due.flatMap((v) => [v.r2Key, ...(v.thumbnailKey ? [v.thumbnailKey] : [])]));
  // A deleted video no post ever used leaves nothing behind; the others keep their row for their posts' history.
  await deleteVideoRows(
    db,
    due.filter((v) => v.deleted && !v.used).map((v) => v.id),
  );
  await markPurged(
    db,
    due.filter((v) => !v.deleted || v.used).map((v) => v.id),
    now,
  );

  const lost = await probesToResend(db, now - RESEND_PROBE_AFTER_MS);
  if (lost.length > 0)
    await env.MEDIA_QUEUE.sendBatch(lost.map((v) => ({ body: { kind: "probe", videoId: v.id } satisfies MediaMessage })));
  await touchVideos(
    db,
    lost.map((v) => v.id),
    now,
  );
  return { abortedUploads: abandoned.length, purged: due.length, reprobed: lost.length };
}
