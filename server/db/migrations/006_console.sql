-- Console logins: a slow password hash per person, server-side sessions, and failed-login counters.
CREATE TABLE person_passwords (
  person_id  TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  hash       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The cookie holds a random session id; only its SHA-256 is kept, like the API tokens.
CREATE TABLE console_sessions (
  id_hash    TEXT PRIMARY KEY,
  person_id  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  csrf       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX console_sessions_person ON console_sessions(person_id);

-- Failed logins per name and per client address; a key past the limit is locked until locked_until.
CREATE TABLE login_failures (
  key          TEXT PRIMARY KEY,
  count        INTEGER NOT NULL,
  first_at     TEXT NOT NULL,
  locked_until TEXT
);
