-- FAQ entries admins add (and grid workers' answers to handed-off questions): they come before the documents.
CREATE TABLE faq (
  id         INTEGER PRIMARY KEY,
  question   TEXT NOT NULL,
  answer     TEXT NOT NULL,
  source     TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Questions the bot could not answer and handed to a grid worker, with the answer once given.
CREATE TABLE knowledge_questions (
  id             INTEGER PRIMARY KEY,
  question       TEXT NOT NULL,
  wechat_room_id TEXT,
  room_topic     TEXT,
  contact_id     TEXT,
  name           TEXT NOT NULL,
  asked_at       TEXT NOT NULL,
  answer         TEXT,
  answered_by    TEXT,
  answered_at    TEXT,
  faq_id         INTEGER REFERENCES faq(id) ON DELETE SET NULL
);
CREATE INDEX knowledge_questions_open ON knowledge_questions(answered_at, asked_at);
