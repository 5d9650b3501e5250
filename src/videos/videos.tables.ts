// Uploaded videos (with their probe and verdict) and the parts of unfinished multipart uploads.
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { VIDEO_STATUSES } from "./video-rules";

const ms = (name: string) => integer(name);

export const videos = sqliteTable("videos", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  r2Key: text("r2_key").notNull(),
  filename: text("filename").notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  partSize: integer("part_size").notNull(),
  partCount: integer("part_count").notNull(),
  uploadId: text("upload_id"),
  status: text("status", { enum: VIDEO_STATUSES }).notNull(),
  /** JSON (VideoProbe); see migrations/0004_video_pipeline.sql for why JSON. */
  probe: text("probe"),
  problems: text("problems").notNull().default("[]"),
  warnings: text("warnings").notNull().default("[]"),
  probedAt: ms("probed_at"),
  thumbnailKey: text("thumbnail_key"),
  thumbnailType: text("thumbnail_type"),
  deletedAt: ms("deleted_at"),
  purgedAt: ms("purged_at"),
  createdBy: text("created_by"),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const videoParts = sqliteTable(
  "video_parts",
  {
    videoId: text("video_id").notNull(),
    partNumber: integer("part_number").notNull(),
    etag: text("etag").notNull(),
    size: integer("size").notNull(),
  },
  (t) => [primaryKey({ columns: [t.videoId, t.partNumber] })],
);
