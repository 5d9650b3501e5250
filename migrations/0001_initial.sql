-- Postflare initial schema. Times are integer milliseconds since the Unix epoch (UTC).

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Every user gets a workspace at sign-up; roles beyond 'owner' come with the workspaces feature.
CREATE TABLE workspace_members (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_members_user ON workspace_members(user_id);

-- Only the SHA-256 of the session token is stored: a leaked table grants no sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- OAuth state for the TikTok connect flow: single use, short lived.
CREATE TABLE oauth_states (
  state_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);

CREATE TABLE tiktok_accounts (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  open_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  username TEXT,
  avatar_url TEXT,
  scopes TEXT NOT NULL,
  -- AES-GCM ciphertexts (base64 of iv || ciphertext), see src/shared/crypto.ts
  access_token_enc TEXT NOT NULL,
  refresh_token_enc TEXT NOT NULL,
  access_expires_at INTEGER NOT NULL,
  refresh_expires_at INTEGER NOT NULL,
  -- bumped on every token write; the Durable Object uses it to detect a refresh made elsewhere
  token_version INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'needs_reconnect', 'disconnected')),
  status_reason TEXT,
  connected_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (workspace_id, open_id)
);
CREATE INDEX tiktok_accounts_open_id ON tiktok_accounts(open_id);

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
  status TEXT NOT NULL CHECK (status IN ('uploading', 'ready', 'failed')),
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX videos_workspace ON videos(workspace_id, created_at);

-- Parts of a resumable R2 multipart upload (etags are needed to complete it).
CREATE TABLE video_parts (
  video_id TEXT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  part_number INTEGER NOT NULL,
  etag TEXT NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (video_id, part_number)
);

CREATE TABLE posts (
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
  scheduled_at INTEGER NOT NULL,
  timezone TEXT NOT NULL,
  late_policy_minutes INTEGER NOT NULL DEFAULT 360,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'queued', 'publishing', 'published', 'sent_to_inbox',
                                         'failed', 'cancelled', 'missed', 'unconfirmed')),
  -- bumped on every edit; a claim carries the version it was made for
  version INTEGER NOT NULL DEFAULT 1,
  -- set when the scheduler claims the post; a queue message is only honoured while its token matches
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
  updated_at INTEGER NOT NULL
);
-- "Posts due before T" for the cron claim: reads only the due rows.
CREATE INDEX posts_status_scheduled ON posts(status, scheduled_at);
CREATE INDEX posts_workspace_scheduled ON posts(workspace_id, scheduled_at);
CREATE INDEX posts_account_scheduled ON posts(account_id, scheduled_at);
CREATE UNIQUE INDEX posts_publish_id ON posts(publish_id) WHERE publish_id IS NOT NULL;

-- Timeline of a post: every state change and TikTok call (with TikTok's log_id to trace failures).
CREATE TABLE post_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  message TEXT NOT NULL,
  log_id TEXT,
  data TEXT
);
CREATE INDEX post_events_post ON post_events(post_id, id);

-- Small operational facts (last cron tick, …).
CREATE TABLE app_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- TikTok webhooks are at-least-once without an event id: dedupe on the SHA-256 of the raw body.
CREATE TABLE webhook_receipts (
  body_hash TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
