-- The video pipeline (issue 12): a completed upload is `processing` until its probe decides `ready` or `rejected`
-- (the old `failed`), and the probe, its problems and warnings are stored with the video; thumbnails; soft delete
-- with the R2 objects purged later; posts gain the cover frame TikTok is asked to use.
-- SQLite cannot alter a CHECK, so `videos` is rebuilt under its own name. Its parts are set aside first: dropping
-- `videos` would cascade into `video_parts` (ON DELETE CASCADE runs even with deferred foreign keys). `posts.video_id`
-- is a plain REFERENCES: the drop leaves its rows dangling only until the same ids are inserted again below, before
-- the deferred check at commit.
PRAGMA defer_foreign_keys = true;

CREATE TABLE video_parts_keep AS SELECT * FROM video_parts;
DROP TABLE video_parts;
CREATE TABLE videos_keep AS SELECT * FROM videos;
DROP TABLE videos;

CREATE TABLE videos (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  r2_key TEXT NOT NULL UNIQUE,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  part_size INTEGER NOT NULL,
  part_count INTEGER NOT NULL,
  upload_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('uploading', 'processing', 'ready', 'rejected')),
  -- What the probe read (JSON, src/videos/videos.schemas.ts VideoProbe), NULL until probed or when unreadable.
  -- JSON rather than columns: the facts are always read and written together and never filtered on in SQL.
  probe TEXT,
  -- JSON arrays of {code, message}: problems block scheduling (status 'rejected'), warnings do not.
  problems TEXT NOT NULL DEFAULT '[]',
  warnings TEXT NOT NULL DEFAULT '[]',
  probed_at INTEGER,
  -- The poster frame the browser extracted (R2 key and its image type), NULL until uploaded.
  thumbnail_key TEXT,
  thumbnail_type TEXT,
  -- Deleted by the user: hidden at once, its R2 objects removed by the cron after VIDEO_PURGE_AFTER_DAYS.
  -- The row stays so past posts keep their video_id.
  deleted_at INTEGER,
  purged_at INTEGER,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO videos (id, workspace_id, r2_key, filename, content_type, size, part_size, part_count, upload_id, status,
                    problems, created_by, created_at, updated_at)
SELECT id, workspace_id, r2_key, filename, content_type, size, part_size, part_count, upload_id,
       CASE status WHEN 'failed' THEN 'rejected' ELSE status END,
       CASE status WHEN 'failed'
         THEN '[{"code":"unreadable","message":"This file is not an MP4, MOV or WebM video we can read. Export it again as MP4 (H.264) and upload it."}]'
         ELSE '[]' END,
       created_by, created_at, updated_at
FROM videos_keep;
DROP TABLE videos_keep;
CREATE INDEX videos_workspace ON videos(workspace_id, created_at);
-- The cron's cleanup: unfinished uploads by age, rejected or deleted videos whose objects are not purged yet.
CREATE INDEX videos_status_updated ON videos(status, updated_at);

-- Parts of a resumable R2 multipart upload (etags are needed to complete it).
CREATE TABLE video_parts (
  video_id TEXT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  part_number INTEGER NOT NULL,
  etag TEXT NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (video_id, part_number)
);
INSERT INTO video_parts (video_id, part_number, etag, size) SELECT video_id, part_number, etag, size FROM video_parts_keep;
DROP TABLE video_parts_keep;

-- The frame TikTok shows as the cover (post_info.video_cover_timestamp_ms); NULL = TikTok's default, the first frame.
ALTER TABLE posts ADD COLUMN cover_timestamp_ms INTEGER;
