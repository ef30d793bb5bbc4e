-- Vectors of the policy passages by an embedding model, when one is configured (semantic retrieval): keyed by model
-- and by a hash of the text embedded, so a restart or a rebuilt knowledge base embeds only what changed.
CREATE TABLE passage_vectors (
  model      TEXT NOT NULL,
  text_hash  TEXT NOT NULL,
  dims       INTEGER NOT NULL,
  vector     BLOB NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (model, text_hash)
);
