-- Thanks and suggestions residents say in the groups (DESIGN: "suggestions are recorded").
CREATE TABLE feedback (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('thanks','suggestion')),
  text       TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  name       TEXT NOT NULL,
  room_id    INTEGER REFERENCES rooms(id),
  area_code  TEXT REFERENCES areas(code),
  created_at TEXT NOT NULL
);
CREATE INDEX feedback_created ON feedback(created_at);
