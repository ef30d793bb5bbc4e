-- Scheduled work and notices down the line (指挥通道).

-- A message may wait until a time: notices to many groups are spaced out so the account does not look like spam.
ALTER TABLE outbox ADD COLUMN not_before TEXT;

-- A unit of scheduled work (a reminder, a digest) is claimed in the same transaction as the messages it queues,
-- so a second run, or a run after a restart, neither repeats nor skips it.
CREATE TABLE job_keys (
  key     TEXT PRIMARY KEY,
  job     TEXT NOT NULL,
  done_at TEXT NOT NULL
);

CREATE TABLE notices (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL,
  text         TEXT NOT NULL,
  target_kind  TEXT NOT NULL CHECK (target_kind IN ('all','areas')),
  areas        TEXT NOT NULL,
  schedule     TEXT,
  status       TEXT NOT NULL CHECK (status IN ('scheduled','sent','cancelled')),
  author_kind  TEXT NOT NULL,
  author_id    TEXT,
  author_name  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  cancelled_at TEXT
);

-- One run per occurrence of a notice's schedule: the unique key is what makes a run happen once.
CREATE TABLE notice_runs (
  id        INTEGER PRIMARY KEY,
  notice_id INTEGER NOT NULL REFERENCES notices(id),
  due_at    TEXT NOT NULL,
  run_at    TEXT NOT NULL,
  UNIQUE (notice_id, due_at)
);

-- Which groups a run went to; the outbox row (by its dedupe key) says whether the bot has said it.
CREATE TABLE notice_deliveries (
  run_id     INTEGER NOT NULL REFERENCES notice_runs(id),
  room_id    INTEGER NOT NULL REFERENCES rooms(id),
  dedupe_key TEXT,
  problem    TEXT,
  PRIMARY KEY (run_id, room_id)
);

-- The jobs look every minute at open tickets near a deadline and at resolved ones waiting for a rating.
CREATE INDEX tickets_open_due ON tickets(accept_due_at, resolve_due_at) WHERE status IN ('reported','accepted');
CREATE INDEX tickets_resolved_at ON tickets(resolved_at) WHERE status = 'resolved';
