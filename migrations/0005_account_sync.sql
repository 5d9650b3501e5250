-- Automatic account sync (issue 11): the profile, stats and creator info of each account, a daily stats series,
-- and how every published post did, kept as a series of readings. The sync runs in each account's Durable Object;
-- the cron tick hands out accounts whose `next_sync_at` is due (src/sync/).

-- Profile (user.info.profile) and the avatar's copy in R2 (TikTok's avatar URLs are signed and expire).
ALTER TABLE tiktok_accounts ADD COLUMN bio_description TEXT;
ALTER TABLE tiktok_accounts ADD COLUMN is_verified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tiktok_accounts ADD COLUMN profile_deep_link TEXT;
ALTER TABLE tiktok_accounts ADD COLUMN avatar_key TEXT;
-- The TikTok URL (without its signature) the copy came from: a new picture has a new path.
ALTER TABLE tiktok_accounts ADD COLUMN avatar_source TEXT;
-- Latest stats (user.info.stats); the history is in account_stats_daily.
ALTER TABLE tiktok_accounts ADD COLUMN follower_count INTEGER;
ALTER TABLE tiktok_accounts ADD COLUMN following_count INTEGER;
ALTER TABLE tiktok_accounts ADD COLUMN likes_count INTEGER;
ALTER TABLE tiktok_accounts ADD COLUMN video_count INTEGER;
ALTER TABLE tiktok_accounts ADD COLUMN stats_synced_at INTEGER;
-- Creator info (JSON, as TikTok answered it) from the daily sync.
ALTER TABLE tiktok_accounts ADD COLUMN creator_info TEXT;
ALTER TABLE tiktok_accounts ADD COLUMN creator_info_at INTEGER;
-- The sync's schedule: the tick hands the account out when next_sync_at is due; profile_due_at is when profile,
-- stats and creator info are next due (daily); next_sync_at is the earlier of that and the next post reading.
ALTER TABLE tiktok_accounts ADD COLUMN next_sync_at INTEGER;
ALTER TABLE tiktok_accounts ADD COLUMN profile_due_at INTEGER;
ALTER TABLE tiktok_accounts ADD COLUMN last_sync_at INTEGER;
ALTER TABLE tiktok_accounts ADD COLUMN sync_status TEXT NOT NULL DEFAULT 'pending'
  CHECK (sync_status IN ('pending', 'ok', 'error', 'needs_reconnect'));
ALTER TABLE tiktok_accounts ADD COLUMN sync_error TEXT;
-- The last "Sync now" (at most one a minute per account).
ALTER TABLE tiktok_accounts ADD COLUMN sync_requested_at INTEGER;

-- "Accounts due" for the tick: only active accounts are in this index, so a tick reads the due rows and no others.
CREATE INDEX tiktok_accounts_next_sync ON tiktok_accounts(next_sync_at) WHERE status = 'active';

-- Accounts connected before: their first sync is spread over the next 24 hours, so they never fire together.
UPDATE tiktok_accounts
SET next_sync_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000 + abs(random()) % 86400000
WHERE status = 'active';
UPDATE tiktok_accounts SET profile_due_at = next_sync_at WHERE next_sync_at IS NOT NULL;

-- One row per account per day (UTC): the day's last reading.
CREATE TABLE account_stats_daily (
  account_id TEXT NOT NULL REFERENCES tiktok_accounts(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  followers INTEGER,
  following INTEGER,
  likes INTEGER,
  videos INTEGER,
  synced_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, day)
) WITHOUT ROWID;

-- Each tracked published post: its latest counts, its cover's copy in R2, and when it is next read. A reading is
-- due at due_at; from window_at on, a sync run that happens anyway takes it early (fewer runs, same schedule).
CREATE TABLE post_stats (
  post_id TEXT PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES tiktok_accounts(id) ON DELETE CASCADE,
  views INTEGER,
  likes INTEGER,
  comments INTEGER,
  shares INTEGER,
  synced_at INTEGER,
  readings INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER,
  window_at INTEGER,
  cover_key TEXT,
  -- Readings where TikTok returned nothing for the id (deleted, made private, or no id yet).
  misses INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX post_stats_account_window ON post_stats(account_id, window_at);

-- Every reading of a post, kept (the chart of views over time).
CREATE TABLE post_metric_points (
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  views INTEGER NOT NULL,
  likes INTEGER NOT NULL,
  comments INTEGER NOT NULL,
  shares INTEGER NOT NULL,
  PRIMARY KEY (post_id, at)
) WITHOUT ROWID;
