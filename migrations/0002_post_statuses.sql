-- Posts may now be drafts (no time yet) or wait for an admin's approval. SQLite cannot alter a CHECK or a NOT NULL,
-- so `posts` is rebuilt. Its timeline is set aside first: dropping `posts` would otherwise cascade into
-- `post_events` (ON DELETE CASCADE runs even with deferred foreign keys). Later migrations only ADD COLUMN to posts.
PRAGMA defer_foreign_keys = true;

CREATE TABLE post_events_keep AS SELECT * FROM post_events;
DROP TABLE post_events;

CREATE TABLE posts_rebuilt (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES tiktok_accounts(id) ON DELETE CASCADE,
  video_id TEXT NOT NULL REFERENCES videos(id),
  caption TEXT NOT NULL DEFAULT '',
  privacy_level TEXT,
  mode TEXT NOT NULL CHECK (mode IN ('direct', 'inbox')),
  disable_comment INTEGER NOT NULL DEFAULT 0,
  disable_duet INTEGER NOT NULL DEFAULT 0,
  disable_stitch INTEGER NOT NULL DEFAULT 0,
  brand_content INTEGER NOT NULL DEFAULT 0,
  brand_organic INTEGER NOT NULL DEFAULT 0,
  is_aigc INTEGER NOT NULL DEFAULT 0,
  -- NULL only for a draft (a post without a time yet)
  scheduled_at INTEGER,
  timezone TEXT NOT NULL,
  late_policy_minutes INTEGER NOT NULL DEFAULT 360,
  status TEXT NOT NULL CHECK (status IN ('draft', 'pending_approval', 'scheduled', 'queued', 'publishing', 'published',
                                         'sent_to_inbox', 'failed', 'cancelled', 'missed', 'unconfirmed')),
  version INTEGER NOT NULL DEFAULT 1,
  claim_token TEXT,
  claimed_at INTEGER,
  publish_id TEXT,
  tiktok_post_id TEXT,
  media_source TEXT,
  last_error_code TEXT,
  last_error_message TEXT,
  warning TEXT,
  init_at INTEGER,
  uploaded_at INTEGER,
  completed_at INTEGER,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (scheduled_at IS NOT NULL OR status = 'draft')
);
INSERT INTO posts_rebuilt (
  id, workspace_id, account_id, video_id, caption, privacy_level, mode, disable_comment, disable_duet, disable_stitch,
  brand_content, brand_organic, is_aigc, scheduled_at, timezone, late_policy_minutes, status, version, claim_token,
  claimed_at, publish_id, tiktok_post_id, media_source, last_error_code, last_error_message, warning, init_at,
  uploaded_at, completed_at, created_by, created_at, updated_at)
SELECT
  id, workspace_id, account_id, video_id, caption, privacy_level, mode, disable_comment, disable_duet, disable_stitch,
  brand_content, brand_organic, is_aigc, scheduled_at, timezone, late_policy_minutes, status, version, claim_token,
  claimed_at, publish_id, tiktok_post_id, media_source, last_error_code, last_error_message, warning, init_at,
  uploaded_at, completed_at, created_by, created_at, updated_at
FROM posts;
DROP TABLE posts;
ALTER TABLE posts_rebuilt RENAME TO posts;

-- "Posts due before T" for the cron claim: reads only the due rows.
CREATE INDEX posts_status_scheduled ON posts(status, scheduled_at);
CREATE INDEX posts_workspace_scheduled ON posts(workspace_id, scheduled_at);
CREATE INDEX posts_account_scheduled ON posts(account_id, scheduled_at);
CREATE UNIQUE INDEX posts_publish_id ON posts(publish_id) WHERE publish_id IS NOT NULL;

CREATE TABLE post_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  message TEXT NOT NULL,
  log_id TEXT,
  data TEXT
);
INSERT INTO post_events (id, post_id, at, type, message, log_id, data)
SELECT id, post_id, at, type, message, log_id, data FROM post_events_keep;
DROP TABLE post_events_keep;
CREATE INDEX post_events_post ON post_events(post_id, id);
