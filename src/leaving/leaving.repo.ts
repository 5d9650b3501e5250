// The reads and deletes behind "leaving for good": everything a workspace holds, and the deletes that cascade.
import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { auditEvents, postEvents, posts, tiktokAccounts, users, videos, workspaces } from "../db/schema";

export async function workspaceContents(db: Database, workspaceId: string) {
  const [accounts, videoRows, postRows, audit] = await Promise.all([
    db.select().from(tiktokAccounts).where(eq(tiktokAccounts.workspaceId, workspaceId)),
    db.select().from(videos).where(eq(videos.workspaceId, workspaceId)).orderBy(asc(videos.createdAt)),
    db.select().from(posts).where(eq(posts.workspaceId, workspaceId)).orderBy(asc(posts.createdAt)),
    db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(asc(auditEvents.id)),
  ]);
  return { accounts, videos: videoRows, posts: postRows, audit };
}

/** Timelines of these posts (D1 binds at most 100 parameters a statement: read in slices). */
export async function eventsOf(db: Database, postIds: string[]) {
  const out: (typeof postEvents.$inferSelect)[] = [];
  for (let i = 0; i < postIds.length; i += 90) {
    out.push(
      ...(await db
        .select()
        .from(postEvents)
        .where(inArray(postEvents.postId, postIds.slice(i, i + 90)))
        .orderBy(asc(postEvents.id))),
    );
  }
  return out;
}

/** Deletes the workspace; D1's foreign keys cascade to its members, sessions, accounts, videos, posts, timelines, tokens, invites, audit log. */
export async function deleteWorkspaceRow(db: Database, workspaceId: string) {
  await db.delete(workspaces).where(eq(workspaces.id, workspaceId));
}

/** Deletes the user; their sessions, memberships and tokens cascade, and what they created keeps a null author. */
export async function deleteUserRow(db: Database, userId: string) {
  await db.delete(users).where(eq(users.id, userId));
}
