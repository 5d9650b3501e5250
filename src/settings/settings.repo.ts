// Workspace settings, hashtag groups and caption templates in D1 (every query scoped to the workspace).
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { captionTemplates, hashtagGroups, workspaceSettings } from "../db/schema";

export type HashtagGroupRow = typeof hashtagGroups.$inferSelect;
export type CaptionTemplateRow = typeof captionTemplates.$inferSelect;

export async function findSettings(db: Database, workspaceId: string) {
  const [row] = await db.select().from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId)).limit(1);
  return row ?? null;
}

export async function saveTimezone(db: Database, workspaceId: string, timezone: string | null, now: number) {
  await db
    .insert(workspaceSettings)
    .values({ workspaceId, timezone, updatedAt: now })
    .onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: { timezone, updatedAt: now } });
}

export const listGroups = (db: Database, workspaceId: string) =>
  db.select().from(hashtagGroups).where(eq(hashtagGroups.workspaceId, workspaceId)).orderBy(asc(hashtagGroups.name));

export const listTemplates = (db: Database, workspaceId: string) =>
  db.select().from(captionTemplates).where(eq(captionTemplates.workspaceId, workspaceId)).orderBy(asc(captionTemplates.name));

export async function insertGroup(db: Database, row: HashtagGroupRow) {
  await db.insert(hashtagGroups).values(row);
}

export async function insertTemplate(db: Database, row: CaptionTemplateRow) {
  await db.insert(captionTemplates).values(row);
}

export async function updateGroup(
  db: Database,
  workspaceId: string,
  id: string,
  set: { name: string; hashtags: string; updatedAt: number },
) {
  const [row] = await db
    .update(hashtagGroups)
    .set(set)
    .where(and(eq(hashtagGroups.id, id), eq(hashtagGroups.workspaceId, workspaceId)))
    .returning();
  return row ?? null;
}

export async function updateTemplate(
  db: Database,
  workspaceId: string,
  id: string,
  set: { name: string; body: string; updatedAt: number },
) {
  const [row] = await db
    .update(captionTemplates)
    .set(set)
    .where(and(eq(captionTemplates.id, id), eq(captionTemplates.workspaceId, workspaceId)))
    .returning();
  return row ?? null;
}

export async function deleteGroup(db: Database, workspaceId: string, id: string) {
  const rows = await db
    .delete(hashtagGroups)
    .where(and(eq(hashtagGroups.id, id), eq(hashtagGroups.workspaceId, workspaceId)))
    .returning({ id: hashtagGroups.id });
  return rows.length > 0;
}

export async function deleteTemplate(db: Database, workspaceId: string, id: string) {
  const rows = await db
    .delete(captionTemplates)
    .where(and(eq(captionTemplates.id, id), eq(captionTemplates.workspaceId, workspaceId)))
    .returning({ id: captionTemplates.id });
  return rows.length > 0;
}
