// Workspace settings: the remembered time zone, hashtag groups and caption templates (views, not-found, ids).
import type { Database } from "../db/client";
import { notFound } from "../shared/errors";
import { iso } from "../shared/http";
import { newId } from "../shared/ids";
import {
  type CaptionTemplateRow,
  deleteGroup,
  deleteTemplate,
  findSettings,
  type HashtagGroupRow,
  insertGroup,
  insertTemplate,
  listGroups,
  listTemplates,
  saveTimezone,
  updateGroup,
  updateTemplate,
} from "./settings.repo";

const groupView = (row: HashtagGroupRow) => ({
  id: row.id,
  name: row.name,
  hashtags: row.hashtags.split(" ").filter(Boolean),
  updatedAt: iso(row.updatedAt)!,
});
const templateView = (row: CaptionTemplateRow) => ({ id: row.id, name: row.name, body: row.body, updatedAt: iso(row.updatedAt)! });

export async function getSettings(db: Database, workspaceId: string) {
  return { timezone: (await findSettings(db, workspaceId))?.timezone ?? null };
}

export async function setTimezone(db: Database, workspaceId: string, timezone: string | null, now: number) {
  await saveTimezone(db, workspaceId, timezone, now);
  return getSettings(db, workspaceId);
}

export const hashtagGroupsOf = async (db: Database, workspaceId: string) => (await listGroups(db, workspaceId)).map(groupView);
export const templatesOf = async (db: Database, workspaceId: string) => (await listTemplates(db, workspaceId)).map(templateView);

/** The same tag twice in a group is kept once, in the order first given. */
const joinTags = (tags: string[]) => [...new Set(tags)].join(" ");

export async function createGroup(db: Database, workspaceId: string, input: { name: string; hashtags: string[] }, now: number) {
  const row = { id: newId("htg"), workspaceId, name: input.name, hashtags: joinTags(input.hashtags), createdAt: now, updatedAt: now };
  await insertGroup(db, row);
  return groupView(row);
}

export async function editGroup(db: Database, workspaceId: string, id: string, input: { name: string; hashtags: string[] }, now: number) {
  const row = await updateGroup(db, workspaceId, id, { name: input.name, hashtags: joinTags(input.hashtags), updatedAt: now });
  if (!row) throw notFound("Hashtag group");
  return groupView(row);
}

export async function removeGroup(db: Database, workspaceId: string, id: string) {
  if (!(await deleteGroup(db, workspaceId, id))) throw notFound("Hashtag group");
}

export async function createTemplate(db: Database, workspaceId: string, input: { name: string; body: string }, now: number) {
  const row = { id: newId("tpl"), workspaceId, ...input, createdAt: now, updatedAt: now };
  await insertTemplate(db, row);
  return templateView(row);
}

export async function editTemplate(db: Database, workspaceId: string, id: string, input: { name: string; body: string }, now: number) {
  const row = await updateTemplate(db, workspaceId, id, { ...input, updatedAt: now });
  if (!row) throw notFound("Caption template");
  return templateView(row);
}

export async function removeTemplate(db: Database, workspaceId: string, id: string) {
  if (!(await deleteTemplate(db, workspaceId, id))) throw notFound("Caption template");
}
