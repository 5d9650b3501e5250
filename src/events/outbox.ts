// The statements that write integration events into the outbox, each run in the same D1 batch as the change it
// reports and evaluated before it (same predicate, same transaction): an event exists exactly when its change does.
import { eq, notInArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { integrationEvents, posts, tiktokAccounts, videos } from "../db/schema";
import type { PostStatus } from "../posts/post-status";
import { randomToken } from "../shared/crypto";
import { POST_FACT_EVENTS, POST_STATUS_EVENTS } from "./event-types";

const newEventId = sql`'evt_' || lower(hex(randomblob(12)))`;

/** The statuses in which a post already is what the move into the key status reports. */
const ALREADY = { scheduled: ["scheduled", "queued"] } as const;

/** INSERT … SELECT (columns in the table's order) that skips an event whose dedupe key is already there. */
const insertIgnoring = (db: Database, select: SQL) => db.insert(integrationEvents).select(select).onConflictDoNothing();

/**
 * The event of a move into `status` for every post matching `where`, or null when that status reports nothing.
 * Its dedupe key is the post, the event, the post's version and claim: the same outcome of the same attempt
 * reported twice (a repeated TikTok webhook) is one event; a rescheduled post's next outcome is a new one.
 */
export function postOutbox(db: Database, status: PostStatus | undefined, where: SQL, now: number, fact?: string, created = false) {
  const type = status
    ? (POST_STATUS_EVENTS as Partial<Record<PostStatus, string>>)[status]
    : (POST_FACT_EVENTS as Record<string, string>)[fact ?? ""];
  if (!type) return null;
  const key = sql`${posts.id} || ':' || ${type} || ':' || ${posts.version} || ':' || coalesce(${posts.claimToken}, '')`;
  // Only a post arriving in the status: an edit of a scheduled (or queued) post is not scheduling it again, and
  // TikTok's second "published" for a published post is not news.
  // (A post just created, `created`, is read after its INSERT: it is in its status, and that is the news.)
  const already = created ? [""] : status && status in ALREADY ? ALREADY[status as keyof typeof ALREADY] : [status ?? ""];
  return insertIgnoring(
    db,
    sql`SELECT ${newEventId}, ${posts.workspaceId}, ${type}, ${posts.id}, ${posts.accountId}, ${key}, NULL, ${now}, NULL, NULL FROM ${posts}
      WHERE ${where} AND ${notInArray(posts.status, already as PostStatus[])}`,
  );
}

/** `account.needs_reconnect` when an active account loses its connection (once per token generation). */
export function reconnectOutbox(db: Database, accountId: string, now: number) {
  const type = "account.needs_reconnect";
  const key = sql`${tiktokAccounts.id} || ':' || ${type} || ':' || ${tiktokAccounts.tokenVersion}`;
  return insertIgnoring(
    db,
    sql`SELECT ${newEventId}, ${tiktokAccounts.workspaceId}, ${type}, NULL, ${tiktokAccounts.id}, ${key}, NULL, ${now}, NULL, NULL
      FROM ${tiktokAccounts} WHERE ${eq(tiktokAccounts.id, accountId)} AND ${tiktokAccounts.status} = 'active'`,
  );
}

/** `video.ready` / `video.rejected` when a probe's verdict is stored (`where` is that UPDATE's predicate): once a video. */
export function videoOutbox(db: Database, where: SQL, status: "ready" | "rejected" | "processing" | "uploading", now: number) {
  if (status !== "ready" && status !== "rejected") return null;
  const type = `video.${status}`;
  const key = sql`${videos.id} || ':' || ${type}`;
  return insertIgnoring(
    db,
    sql`SELECT ${newEventId}, ${videos.workspaceId}, ${type}, NULL, NULL, ${key}, NULL, ${now}, NULL, ${videos.id}
      FROM ${videos} WHERE ${where}`,
  );
}

/** The workspace's daily digest (src/alerts/digest.ts), once per local day: its key is the workspace and the day. */
export async function digestOutbox(db: Database, workspaceId: string, key: string, now: number) {
  await db
    .insert(integrationEvents)
    .values({
      id: `evt_${randomToken(12)}`,
      workspaceId,
      type: "workspace.digest",
      postId: null,
      accountId: null,
      videoId: null,
      dedupeKey: key,
      payload: null,
      createdAt: now,
      dispatchedAt: null,
    })
    .onConflictDoNothing();
}
