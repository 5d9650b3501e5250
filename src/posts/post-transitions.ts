// The only code that changes `posts.status`. Every allowed move is listed in TRANSITIONS; each one runs as a
// conditional UPDATE … WHERE status IN (from) [AND guard] … RETURNING plus its timeline event, in one D1
// batch, so a move and its event are written together or not at all, and a move that lost a race is a no-op.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import { type PostRow, postEvents, posts } from "../db/schema";
import { postOutbox } from "../events/outbox";
import { eventRow, insertEvents } from "./post-events";
import { CANCELLABLE_STATUSES, EDITABLE_STATUSES, type INITIAL_STATUSES, type PostStatus } from "./post-status";

type NewPostRow = typeof posts.$inferInsert;

const PUBLISHER_OWNED = ["queued", "publishing"] as const;

/** A reschedule is a new publish: nothing of the previous attempt may stay (webhooks match by publish id, lateness reads initAt). */
const FRESH_PUBLISH = { publishId: null, initAt: null, uploadedAt: null, completedAt: null, mediaSource: null, tiktokPostId: null };

/**
 * Who may move a post from where to where, and what every such move clears (`set`, which wins over the caller's).
 * A status not reachable from here is never written.
 */
export const TRANSITIONS = {
  /** The cron tick (or an edit to a near time) hands the post to its account's publisher. */
  claim: { from: ["scheduled"], to: "queued" },
  /** TikTok accepted its first init (until then the account's Durable Object held it, and edits reached it there). */
  start: { from: ["queued"], to: "publishing" },
  publish: { from: PUBLISHER_OWNED, to: "published" },
  deliverToInbox: { from: PUBLISHER_OWNED, to: "sent_to_inbox" },
  fail: { from: PUBLISHER_OWNED, to: "failed" },
  /** TikTok's outcome cannot be known: the person checks TikTok before anything is sent again. */
  unconfirm: { from: PUBLISHER_OWNED, to: "unconfirmed" },
  /**
   * An edit (or a reschedule of a missed, failed or unconfirmed post) puts it back on the calendar. A `queued` post
   * is its account Durable Object's until the init leaves: withdraw it there first (posts/post-handover.ts).
   */
  reschedule: { from: EDITABLE_STATUSES, to: "scheduled", set: FRESH_PUBLISH },
  /** An editor's new or edited post in a workspace that wants approvals waits for an admin. */
  submitForApproval: { from: EDITABLE_STATUSES, to: "pending_approval", set: FRESH_PUBLISH },
  /** An admin approves it: it is on the calendar (and claimed at once when due soon). */
  approve: { from: ["pending_approval"], to: "scheduled" },
  /** An admin turns it down, with a reason in its timeline. */
  reject: { from: ["pending_approval"], to: "cancelled" },
  /** Like an edit, a cancel of a `queued` post withdraws it from its Durable Object first. */
  cancel: { from: CANCELLABLE_STATUSES, to: "cancelled" },
  /** Still waiting past its late policy (an outage, or nobody approved it in time): the person decides. */
  miss: { from: ["pending_approval", "scheduled", "queued"], to: "missed" },
  /** Its queue message exhausted every retry before reaching the publisher. */
  deadLetter: { from: ["queued"], to: "failed" },
  /** Publishing for over an hour and its publisher no longer follows it: never re-sent on a guess. */
  sweep: { from: ["publishing"], to: "unconfirmed" },
  // TikTok's webhooks. Delivery is unordered, so none of them leaves a final state except toward `published`.
  webhookPublished: { from: ["publishing"], to: "published" },
  webhookPublic: { from: ["publishing", "published"], to: "published" },
  webhookInboxDelivered: { from: ["publishing"], to: "sent_to_inbox" },
  webhookInboxPosted: { from: ["sent_to_inbox"], to: "published" },
  webhookFailed: { from: ["publishing"], to: "failed" },
  // The planner (issue 13): drafts have no time until a person schedules them.
  /** A draft gets its time (or a queue slot) and joins the calendar. */
  schedule: { from: ["draft"], to: "scheduled" },
  /** An editor schedules a draft in a workspace that wants approvals: it waits for an admin. */
  submitDraftForApproval: { from: ["draft"], to: "pending_approval" },
  /** A draft's fields change; it stays a draft. */
  editDraft: { from: ["draft"], to: "draft" },
  /** Back to the drafts before anything was sent to TikTok (its time is dropped; a queued post is withdrawn first). */
  unschedule: { from: CANCELLABLE_STATUSES, to: "draft", set: FRESH_PUBLISH },
  /** "Undo" right after a person's cancel (guarded by how recent it is, and that it was a cancel, not a rejection). */
  restore: { from: ["cancelled"], to: "scheduled" },
  /** The same undo, for an editor in a workspace that wants approvals. */
  restoreForApproval: { from: ["cancelled"], to: "pending_approval" },
} as const satisfies Record<string, { from: readonly PostStatus[]; to: PostStatus; set?: Columns }>;

export type TransitionName = keyof typeof TRANSITIONS;

/** Which statuses may follow each status (derived from TRANSITIONS; read by tests and docs). */
export function successors(status: PostStatus): PostStatus[] {
  const next = new Set<PostStatus>();
  for (const t of Object.values(TRANSITIONS)) if ((t.from as readonly PostStatus[]).includes(status)) next.add(t.to);
  return [...next].sort();
}

/** Which rows a transition may touch, besides their current status. */
export type Target = {
  postId?: string;
  claimToken?: string;
  version?: number;
  publishId?: string;
  /** Extra conditions (bulk moves: due before a time, past a late policy). */
  where?: SQL;
};

/** Columns a write may set besides `status` (only `transition` sets that) and `updatedAt` (always now). */
export type Columns = Partial<Omit<NewPostRow, "id" | "status" | "updatedAt" | "version">> & { version?: SQL };
export type TimelineEvent = { type: string; message: string | SQL; logId?: string | null; data?: unknown };
type Change = { set?: Columns; event: TimelineEvent };

/** Moves every post matching `target` that is in one of the transition's `from` statuses; returns the moved rows. */
export async function transition(db: Database, name: TransitionName, target: Target, change: Change, now: number): Promise<PostRow[]> {
  const move: { from: readonly PostStatus[]; to: PostStatus; set?: Columns } = TRANSITIONS[name];
  // The move's own columns win: no caller can carry a previous publish into a reschedule.
  const set = { ...change.set, ...move.set, status: move.to };
  return writeWithEvent(db, and(inArray(posts.status, [...move.from]), ...guards(target))!, set, change.event, now);
}

/** What a bulk move answers per moved post (claims and misses move thousands; whole rows would be megabytes). */
export type MovedPost = { id: string; accountId: string; workspaceId: string; scheduledAt: number | null };

/** Like `transition`, answering only each moved post's id, account and time. */
export async function transitionMany(
  db: Database,
  name: TransitionName,
  target: Target,
  change: Change,
  now: number,
): Promise<MovedPost[]> {
  const move: { from: readonly PostStatus[]; to: PostStatus; set?: Columns } = TRANSITIONS[name];
  const where = and(inArray(posts.status, [...move.from]), ...guards(target))!;
  const [recordEvents, write] = writes(db, where, { ...change.set, ...move.set, status: move.to }, change.event, now);
  const moved = write.returning({
    id: posts.id,
    accountId: posts.accountId,
    workspaceId: posts.workspaceId,
    scheduledAt: posts.scheduledAt,
  });
  // The integration event (outbox) goes first: it reads the rows the UPDATE then moves.
  const outbox = postOutbox(db, move.to, where, now);
  const rows = outbox ? (await db.batch([outbox, recordEvents, moved]))[2] : (await db.batch([recordEvents, moved]))[1];
  reportWritten(
    db,
    rows.map((r) => ({ ...r, status: move.to, version: null, updatedAt: now })),
  );
  return rows;
}

/** Like `transition` for one post (by id or publish id): the moved row, or null when it was not in a `from` status. */
export async function transitionOne(
  db: Database,
  name: TransitionName,
  target: Target,
  change: Change,
  now: number,
): Promise<PostRow | null> {
  return (await transition(db, name, target, change, now))[0] ?? null;
}

/**
 * Records progress that does not change the status (TikTok accepted the init, the public post id arrived, a
 * pre-flight warning), only while the post is in one of `statuses`. Used by post-progress.ts.
 */
export async function annotate(db: Database, statuses: readonly PostStatus[], target: Target, change: Change, now: number) {
  return writeWithEvent(db, and(inArray(posts.status, [...statuses]), ...guards(target))!, change.set ?? {}, change.event, now);
}

/** A post as a write left it: what live updates (src/live/) tell the workspace's open tabs. */
export type PostWrite = Pick<PostRow, "id" | "workspaceId" | "accountId" | "status" | "scheduledAt" | "updatedAt"> & {
  /** null after a bulk move, which does not read it back. */
  version: number | null;
};
export type PostWriteListener = (rows: PostWrite[]) => void;
const writeListeners = new WeakMap<Database, PostWriteListener>();

/** Every later write through `db` (a move, a recorded fact, a create, a discarded draft) reports its rows to `listener`. */
export function watchPostWrites(db: Database, listener: PostWriteListener) {
  writeListeners.set(db, listener);
}

function reportWritten(db: Database, rows: PostWrite[]) {
  if (rows.length > 0) writeListeners.get(db)?.(rows);
}

async function writeWithEvent(db: Database, where: SQL, set: Columns & { status?: PostStatus }, e: TimelineEvent, now: number) {
  const [recordEvents, write] = writes(db, where, set, e, now);
  const outbox = postOutbox(db, set.status, where, now, e.type);
  const rows = outbox
    ? (await db.batch([outbox, recordEvents, write.returning()]))[2]
    : (await db.batch([recordEvents, write.returning()]))[1];
  // Every write reaches the live feed, the ones that also raise an integration event included.
  reportWritten(db, rows);
  return rows;
}

/** The two statements of every write: its events, then the UPDATE (batched by the caller, one transaction). */
function writes(db: Database, where: SQL, set: Columns & { status?: PostStatus }, e: TimelineEvent, now: number) {
  const data = e.data === undefined ? null : JSON.stringify(e.data);
  // Same predicate, same transaction: the event rows are exactly the rows the UPDATE then changes.
  // Columns in post_events' order: id (NULL = next rowid), post_id, at, type, message, log_id, data.
  const recordEvents = db
    .insert(postEvents)
    .select(sql`SELECT NULL, ${posts.id}, ${now}, ${e.type}, ${e.message}, ${e.logId ?? null}, ${data} FROM ${posts} WHERE ${where}`);
  const write = db
    .update(posts)
    .set({ ...set, updatedAt: now })
    .where(where);
  return [recordEvents, write] as const;
}

/** A new post enters the calendar as `scheduled`, or `pending_approval` when an admin must approve it first. */
export async function createScheduled(
  db: Database,
  row: NewPostRow & { status: (typeof INITIAL_STATUSES)[number] },
  event: { type: string; message: string },
) {
  await insertWithEvent(db, row, event);
}

/** A draft (issue 13): a post saved without a time. */
export async function createDraft(db: Database, row: NewPostRow & { status: "draft" }, event: { type: string; message: string }) {
  await insertWithEvent(db, row, event);
}

async function insertWithEvent(db: Database, row: NewPostRow, event: { type: string; message: string }) {
  const at = row.createdAt;
  const insert = [
    db.insert(posts).values(row).returning(),
    db.insert(postEvents).values(eventRow({ postId: row.id, at, ...event })),
  ] as const;
  const outbox = postOutbox(db, row.status, eq(posts.id, row.id), at, undefined, true);
  const [inserted] = await (outbox ? db.batch([...insert, outbox]) : db.batch(insert));
  reportWritten(db, inserted);
}

/** Discards a draft of the workspace (its timeline goes with it): it never reached the calendar. */
export async function deleteDraft(db: Database, workspaceId: string, postId: string): Promise<PostRow | null> {
  const rows = await db
    .delete(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, workspaceId), eq(posts.status, "draft")))
    .returning();
  reportWritten(db, rows);
  return rows[0] ?? null;
}

/** Several new posts in one D1 batch, all or none (a CSV import): 2 rows a statement (D1 binds ≤ 100 values). */
export async function createScheduledMany<R extends NewPostRow & { status: (typeof INITIAL_STATUSES)[number] }>(
  db: Database,
  rows: R[],
  eventOf: (row: R) => { type: string; message: string },
) {
  const statements: BatchItem<"sqlite">[] = [];
  const inserts = [];
  for (let i = 0; i < rows.length; i += 2)
    inserts.push(
      db
        .insert(posts)
        .values(rows.slice(i, i + 2))
        .returning(),
    );
  statements.push(...inserts);
  statements.push(
    ...insertEvents(
      db,
      rows.map((row) => ({ postId: row.id, at: row.createdAt, ...eventOf(row) })),
    ),
  );
  for (let i = 0; i < rows.length; i += 90) {
    const ids = rows
      .slice(i, i + 90)
      .filter((r) => r.status === "scheduled")
      .map((r) => r.id);
    const outbox = ids.length > 0 ? postOutbox(db, "scheduled", inArray(posts.id, ids), rows[0]!.createdAt, undefined, true) : null;
    if (outbox) statements.push(outbox);
  }
  const [first, ...rest] = statements;
  if (!first) return;
  const results = await db.batch([first, ...rest]);
  reportWritten(db, (results.slice(0, inserts.length) as PostRow[][]).flat());
}

function guards(target: Target): SQL[] {
  const out: SQL[] = [];
  if (target.postId !== undefined) out.push(eq(posts.id, target.postId));
  if (target.claimToken !== undefined) out.push(eq(posts.claimToken, target.claimToken));
  if (target.version !== undefined) out.push(eq(posts.version, target.version));
  if (target.publishId !== undefined) out.push(eq(posts.publishId, target.publishId));
  if (target.where) out.push(target.where);
  return out;
}

/** `version = version + 1`: an edit or cancel invalidates every claim and queued message for the old form. */
export const bumpVersion = () => sql`${posts.version} + 1`;

/** An ISO-8601 rendering of a millisecond column inside SQL (for event messages of bulk moves). */
export const isoSql = (column: SQL | typeof posts.scheduledAt) => sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${column} / 1000.0, 'unixepoch')`;
