-- Integrations (issue 14): the outbox of integration events, outgoing webhooks with their delivery log.

-- What happened, written in the same D1 batch as the change it reports (post-transitions.ts, accounts.repo.ts), so
-- no event is lost and none is invented. `dedupe_key` makes a change that arrives twice (TikTok's webhooks repeat,
-- a move replayed) one event. `payload` is the JSON body, fixed when the event is dispatched, so every delivery and
-- redelivery of an event carries the same bytes. `id` is what receivers dedupe on.
CREATE TABLE integration_events (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  post_id TEXT,
  account_id TEXT,
  dedupe_key TEXT NOT NULL UNIQUE,
  payload TEXT,
  created_at INTEGER NOT NULL,
  dispatched_at INTEGER
);
CREATE INDEX integration_events_pending ON integration_events(created_at) WHERE dispatched_at IS NULL;
CREATE INDEX integration_events_workspace ON integration_events(workspace_id, created_at);

-- Outgoing webhook endpoints, per workspace. `events` is a JSON array of event types. The signing secret is kept as
-- is: every delivery is signed with it, and it is shown to an admin only when created or rotated.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX webhook_endpoints_workspace ON webhook_endpoints(workspace_id);

-- One row per (endpoint, event) delivery, retried with backoff up to 24 h; a redelivery or test is a row of its own.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL REFERENCES integration_events(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('event', 'redelivery', 'test')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_until INTEGER,
  next_attempt_at INTEGER,
  last_attempt_at INTEGER,
  response_status INTEGER,
  response_excerpt TEXT,
  error TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries(endpoint_id, event_id) WHERE kind = 'event';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, created_at);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';

-- Alerts. A person's choice per workspace of which alerts reach them where (JSON {alert: [channel…]}); no row = the
-- defaults in src/alerts/alert-kinds.ts.
CREATE TABLE alert_preferences (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  prefs TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);

-- The workspace's Slack and Discord incoming webhooks, and which alerts each one gets.
CREATE TABLE alert_channels (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('slack', 'discord')),
  url TEXT NOT NULL,
  alerts TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX alert_channels_workspace ON alert_channels(workspace_id);

-- The in-app notification centre: one per event and person.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  alert TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT,
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE UNIQUE INDEX notifications_once ON notifications(event_id, user_id);
CREATE INDEX notifications_user ON notifications(workspace_id, user_id, created_at);

-- Alerts sent outside the app (email, Slack, Discord): `idempotency_key` is the event's dedupe key, the channel and
-- the recipient, so an alert is sent once however often its event is dispatched; retried like webhooks.
CREATE TABLE alert_deliveries (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL REFERENCES integration_events(id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'slack', 'discord')),
  target TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_until INTEGER,
  next_attempt_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);

-- The development outbox: with no email provider configured, every email lands here (GET /api/email-outbox).
CREATE TABLE email_outbox (
  id TEXT PRIMARY KEY,
  workspace_id TEXT REFERENCES workspaces(id) ON DELETE CASCADE,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
