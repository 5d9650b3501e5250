// The timeline of a post: every state change and TikTok call, with TikTok's log_id when there is one.
import type { Database } from "../db/client";
import { postEvents } from "../db/schema";

export type PostEvent = { postId: string; type: string; message: string; logId?: string | null; data?: unknown; at: number };

// D1 allows 100 bound parameters per statement; an event row binds 6.
const EVENTS_PER_INSERT = 16;

export function eventRow(e: PostEvent) {
  return {
    postId: e.postId,
    at: e.at,
    type: e.type,
    message: e.message,
    logId: e.logId ?? null,
    data: e.data === undefined ? null : JSON.stringify(e.data),
  };
}

export function insertEvents(db: Database, events: PostEvent[]) {
  const statements = [];
  for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) {
    statements.push(db.insert(postEvents).values(events.slice(i, i + EVENTS_PER_INSERT).map(eventRow)));
  }
  return statements;
}

export async function recordEvent(db: Database, event: PostEvent) {
  await db.insert(postEvents).values(eventRow(event));
}
