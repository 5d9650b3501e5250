-- Teams, API tokens and a hardened edge (issue 16): sessions with an idle timeout and a public id, API tokens,
-- invites, the audit log, idempotency keys for POST /api/posts, and per-workspace approvals.

-- Sessions: `expires_at` stays the absolute end; `last_seen_at` drives the idle timeout; `id` names a session in
-- the session list without revealing anything about its token.
ALTER TABLE sessions ADD COLUMN id TEXT;
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
UPDATE sessions SET id = 'ses_' || lower(hex(randomblob(12))), last_seen_at = created_at;
CREATE UNIQUE INDEX sessions_id ON sessions(id);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- OAuth states are signed and carried by the browser; this table now records the states already used (single
-- use), written at the callback only, so starting a connect (a GET) writes nothing.
CREATE INDEX oauth_states_expires ON oauth_states(expires_at);

-- An editor's posts wait for an admin's approval when the workspace asks for it.
ALTER TABLE workspaces ADD COLUMN require_approval INTEGER NOT NULL DEFAULT 0;

-- API tokens: shown once, only their SHA-256 is stored. A token acts as its user in its workspace, with the
-- user's current role, capped by `role_limit` when set.
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  role_limit TEXT CHECK (role_limit IN ('owner', 'admin', 'editor', 'viewer')),
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX api_tokens_workspace_user ON api_tokens(workspace_id, user_id);

-- Invites by link (and by email where delivery is configured): single use, short lived, only the hash is stored.
CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  email TEXT COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER,
  accepted_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  revoked_at INTEGER
);
CREATE INDEX invites_workspace ON invites(workspace_id, created_at);

-- Who did what in a workspace (sign-ins, members and roles, connections, posts, tokens, settings).
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  actor_id TEXT,
  actor_email TEXT,
  via TEXT NOT NULL CHECK (via IN ('session', 'token', 'system')),
  action TEXT NOT NULL,
  target TEXT,
  data TEXT
);
CREATE INDEX audit_events_workspace ON audit_events(workspace_id, id);

-- Idempotency-Key on POST /api/posts: the same key (per workspace and user) gives back the same post.
CREATE TABLE idempotency_keys (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  post_id TEXT NOT NULL,
  warnings TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, user_id, key)
);
CREATE INDEX idempotency_keys_expires ON idempotency_keys(expires_at);
CREATE INDEX webhook_receipts_received ON webhook_receipts(received_at);
