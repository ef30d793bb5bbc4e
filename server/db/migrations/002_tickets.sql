CREATE TABLE tickets (
  id                  INTEGER PRIMARY KEY,
  no                  TEXT NOT NULL UNIQUE,
  source              TEXT NOT NULL,
  external_id         TEXT UNIQUE,
  intent              TEXT NOT NULL,
  category            TEXT NOT NULL,
  summary             TEXT NOT NULL,
  text                TEXT NOT NULL,
  place               TEXT,
  phone               TEXT,
  people              TEXT NOT NULL DEFAULT '[]',
  sensitive           INTEGER NOT NULL DEFAULT 0,
  urgent              INTEGER NOT NULL DEFAULT 0,
  standard            INTEGER,
  status              TEXT NOT NULL,
  level               TEXT NOT NULL,
  grid_code           TEXT REFERENCES areas(code),
  village_code        TEXT REFERENCES areas(code),
  township_code       TEXT REFERENCES areas(code),
  county_code         TEXT NOT NULL REFERENCES areas(code),
  room_id             INTEGER REFERENCES rooms(id),
  reporter_contact_id TEXT,
  reporter_name       TEXT NOT NULL,
  reporter_person_id  TEXT REFERENCES people(id),
  assignee_person_id  TEXT REFERENCES people(id),
  assignee_unit       TEXT,
  cc_person_ids       TEXT NOT NULL DEFAULT '[]',
  lead_department     TEXT,
  cooperating_departments TEXT NOT NULL DEFAULT '[]',
  escalated_from      TEXT,
  level_entered_at    TEXT NOT NULL,
  accept_due_at       TEXT NOT NULL,
  resolve_due_at      TEXT NOT NULL,
  progress_due_at     TEXT,
  accepted_at         TEXT,
  resolved_at         TEXT,
  resolved_level      TEXT,
  closed_at           TEXT,
  result              TEXT,
  rating              TEXT,
  rated_at            TEXT,
  needs_verification  INTEGER NOT NULL DEFAULT 0,
  verified            INTEGER,
  reopen_count        INTEGER NOT NULL DEFAULT 0,
  return_count        INTEGER NOT NULL DEFAULT 0,
  extended            INTEGER NOT NULL DEFAULT 0,
  late_accept         INTEGER NOT NULL DEFAULT 0,
  late_resolve        INTEGER NOT NULL DEFAULT 0,
  reject_reason       TEXT,
  main_ticket_id      INTEGER REFERENCES tickets(id),
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
-- Covers the duplicate check on every new appeal (open tickets of a grid and category, newest first).
CREATE INDEX tickets_dup ON tickets(grid_code, category, (status IN ('reported','accepted')), id, intent, sensitive, created_at);
CREATE INDEX tickets_village ON tickets(village_code, status);
CREATE INDEX tickets_township ON tickets(township_code, status);
CREATE INDEX tickets_assignee ON tickets(assignee_person_id, status);
CREATE INDEX tickets_reporter ON tickets(reporter_contact_id);
CREATE INDEX tickets_created ON tickets(created_at);

-- A client key (or a hotline order id) names one create request forever: a retry gets the same answer.
CREATE TABLE create_requests (
  client_key TEXT PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
  linked     INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE ticket_no_seq (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  next INTEGER NOT NULL
);
INSERT INTO ticket_no_seq (id, next) VALUES (1, 1001);

-- The event log is append-only: the database itself refuses to change or remove a line.
CREATE TABLE ticket_events (
  id          INTEGER PRIMARY KEY,
  ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
  at          TEXT NOT NULL,
  action      TEXT NOT NULL,
  actor_kind  TEXT NOT NULL,
  actor_id    TEXT,
  actor_name  TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT,
  from_level  TEXT,
  to_level    TEXT,
  note        TEXT,
  data        TEXT
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);
CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;
CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;

CREATE TABLE ticket_followers (
  ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
  contact_id TEXT NOT NULL,
  name       TEXT NOT NULL,
  room_id    INTEGER REFERENCES rooms(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (ticket_id, contact_id)
);

CREATE TABLE ticket_attachments (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
  kind       TEXT NOT NULL,
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  path       TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (ticket_id, sha256)
);

-- What the server wants said in WeChat; bots pull, lease and acknowledge.
CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY,
  bot_id       TEXT NOT NULL REFERENCES bots(id),
  kind         TEXT NOT NULL CHECK (kind IN ('room','private')),
  room_id      INTEGER REFERENCES rooms(id),
  person_id    TEXT REFERENCES people(id),
  contact_id   TEXT,
  to_name      TEXT,
  mention      TEXT NOT NULL DEFAULT '[]',
  text         TEXT NOT NULL,
  priority     INTEGER NOT NULL DEFAULT 1,
  ticket_id    INTEGER REFERENCES tickets(id),
  dedupe_key   TEXT UNIQUE,
  created_at   TEXT NOT NULL,
  lease_until  TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0,
  acked_at     TEXT
);
CREATE INDEX outbox_pending ON outbox(bot_id, acked_at, priority, id);
