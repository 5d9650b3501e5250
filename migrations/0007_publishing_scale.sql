-- Publishing at scale (issue 15). Recent operational figures (start lateness, outcomes, 429s, retries, queue delay,
-- tick cost): the same points the Worker writes to Workers Analytics Engine, kept a week for /api/health and tests.
CREATE TABLE metric_points (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  name TEXT NOT NULL,
  value REAL NOT NULL,
  label TEXT,
  account_id TEXT,
  post_id TEXT
);
CREATE INDEX metric_points_name_at ON metric_points(name, at);
CREATE INDEX metric_points_at ON metric_points(at);

-- A claim's snapshot (what each post says, for its publish message) is read back by its claim token.
CREATE INDEX posts_claim_token ON posts(claim_token) WHERE claim_token IS NOT NULL;
