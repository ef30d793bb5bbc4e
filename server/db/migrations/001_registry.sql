-- Areas form the 王 structure: county → township/street → village/community → grid.
CREATE TABLE areas (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('county','township','village','grid')),
  parent_code TEXT REFERENCES areas(code),
  community   INTEGER NOT NULL DEFAULT 0,
  places      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX areas_parent ON areas(parent_code);

CREATE TABLE departments (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE bots (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  contact_id   TEXT,
  last_seen_at TEXT,
  logged_in    INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT
);

CREATE TABLE people (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  contact_id TEXT UNIQUE,
  phone      TEXT,
  active     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE person_roles (
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role      TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas(code),
  unit      TEXT,
  PRIMARY KEY (person_id, role, area_code, unit)
);
CREATE INDEX person_roles_area ON person_roles(area_code, role);

-- A room is our stable record of a WeChat group; wechat_room_id is only its latest id.
CREATE TABLE rooms (
  id             INTEGER PRIMARY KEY,
  wechat_room_id TEXT UNIQUE,
  topic          TEXT NOT NULL,
  area_code      TEXT REFERENCES areas(code),
  bot_id         TEXT REFERENCES bots(id),
  bound_at       TEXT,
  last_seen_at   TEXT
);
CREATE INDEX rooms_topic ON rooms(bot_id, topic);

CREATE TABLE routing (
  category          TEXT PRIMARY KEY,
  village_post      TEXT NOT NULL,
  township_module   TEXT,
  county_department TEXT REFERENCES departments(code),
  standard          INTEGER NOT NULL
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Bearer tokens, stored as SHA-256 of a high-entropy random secret.
CREATE TABLE tokens (
  hash       TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('person','bot','hotline','admin')),
  subject    TEXT,
  label      TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
