// The media queue (postflare-media): one message per completed upload, whose probe runs here in the background,
// so `complete` answers at once. Its dead-letter consumer gives up on a video with a verdict the user can act on.
import type { Database } from "../db/client";
import { backoffMs } from "../publishing/retry";
import { processVideo } from "./video-processing";
import { saveVerdict } from "./videos.repo";
import { MediaMessage } from "./videos.schemas";

const GAVE_UP = "We could not read this file after several tries. Upload it again; if that fails, export it again as MP4 (H.264).";

export async function consumeMediaQueue(batch: MessageBatch<unknown>, db: Database, bucket: R2Bucket, now: number) {
  for (const message of batch.messages) {
    const parsed = MediaMessage.safeParse(message.body);
    if (!parsed.success) {
      console.error("dropping malformed media message", message.id, parsed.error.issues);
      message.ack();
      continue;
    }
    try {
      await processVideo(db, bucket, parsed.data.videoId, now);
      message.ack();
    } catch (error) {
      console.error("probing video failed", parsed.data.videoId, error);
      message.retry({ delaySeconds: Math.ceil(backoffMs(message.attempts) / 1000) });
    }
  }
}

export async function consumeMediaDeadLetters(batch: MessageBatch<unknown>, db: Database, now: number) {
  for (const message of batch.messages) {
    const parsed = MediaMessage.safeParse(message.body);
    if (parsed.success) {
      const problems = JSON.stringify([{ code: "unreadable", message: GAVE_UP }]);
      await saveVerdict(db, parsed.data.videoId, { status: "rejected", probe: null, problems, warnings: "[]" }, now);
    }
    message.ack();
  }
}
