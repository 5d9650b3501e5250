// What a workspace remembers for everyone in it (migration 0003): its time zone, hashtag groups and caption templates.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const workspaceSettings = sqliteTable("workspace_settings", {
  workspaceId: text("workspace_id").primaryKey(),
  /** null = not chosen yet (the web app then uses the browser's zone). */
  timezone: text("timezone"),
  updatedAt: integer("updated_at").notNull(),
});

export const hashtagGroups = sqliteTable("hashtag_groups", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  name: text("name").notNull(),
  /** Space-separated, each with its "#": "#food #recipe". */
  hashtags: text("hashtags").notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const captionTemplates = sqliteTable("caption_templates", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  name: text("name").notNull(),
  body: text("body").notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
