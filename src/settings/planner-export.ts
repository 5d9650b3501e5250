// What a workspace's planner remembers, for its export (leaving/export.service.ts): the time zone, hashtag groups,
// caption templates, and each account's posting schedule.
import type { Database } from "../db/client";
import { schedulesOf } from "../slots/slots.service";
import { getSettings, hashtagGroupsOf, templatesOf } from "./settings.service";

export async function plannerExport(db: Database, workspaceId: string) {
  const [settings, hashtagGroups, captionTemplates, postingSchedules] = await Promise.all([
    getSettings(db, workspaceId),
    hashtagGroupsOf(db, workspaceId),
    templatesOf(db, workspaceId),
    schedulesOf(db, workspaceId),
  ]);
  return { timezone: settings.timezone, hashtagGroups, captionTemplates, postingSchedules };
}
