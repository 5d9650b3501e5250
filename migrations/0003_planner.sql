-- The planner (issue 13): each account's posting schedule (queue slots), and per workspace its remembered time zone,
-- saved hashtag groups and caption templates. Drafts need no change here: migration 0002 already allows them.

-- One posting schedule per account: weekly slots as wall-clock times in the schedule's own time zone.
-- `slots` is a JSON array of {"day": 1-7 (ISO weekday, 1 = Monday), "time": "HH:MM"}, validated on every read.
CREATE TABLE queue_schedules (
  account_id TEXT PRIMARY KEY REFERENCES tiktok_accounts(id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  timezone TEXT NOT NULL,
  slots TEXT NOT NULL DEFAULT '[]',
  updated_at INTEGER NOT NULL
);
CREATE INDEX queue_schedules_workspace ON queue_schedules(workspace_id);

-- Settings a workspace remembers for everyone in it. NULL time zone = not chosen yet (the browser's is used).
CREATE TABLE workspace_settings (
  workspace_id TEXT PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  timezone TEXT,
  updated_at INTEGER NOT NULL
);

-- Saved hashtag groups ("#food #recipe #easy"), inserted into a caption from the composer.
CREATE TABLE hashtag_groups (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  hashtags TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX hashtag_groups_workspace ON hashtag_groups(workspace_id, name);

-- Saved caption templates, inserted into a caption from the composer (always editable there).
CREATE TABLE caption_templates (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX caption_templates_workspace ON caption_templates(workspace_id, name);

-- The drafts tab and the status filters of the posts list read a workspace's posts by status.
CREATE INDEX posts_workspace_status ON posts(workspace_id, status, updated_at);
