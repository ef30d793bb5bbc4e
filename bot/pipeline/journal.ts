import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Inbound, Outbound } from './types.ts'

export type JournalEntry = { seq: number; message: Inbound; stage: string; attempts: number }
type Row = { seq: number; id: string; payload: string; media: Buffer | null; stage: string; attempts: number }

/**
 * Every received message is written here before anything else is done with it, and marked done only when it
 * has been handled; after a crash the pending ones are handled again. A message seen twice (the same id, or
 * a replay after a re-login: same room topic, sender name, text and second under new ids) is recorded once.
 */
export function openJournal(file: string) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(`CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, fingerprint TEXT NOT NULL UNIQUE, room_id TEXT, payload TEXT NOT NULL, media BLOB,
    received_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', stage TEXT NOT NULL DEFAULT '', attempts INTEGER NOT NULL DEFAULT 0,
    outcome TEXT, last_error TEXT, done_at TEXT)`)
  db.exec(`CREATE INDEX IF NOT EXISTS messages_pending ON messages(status, seq)`)
  // Replies decided but not yet said: written with the message's "done", removed once WeChat took them.
  db.exec(`CREATE TABLE IF NOT EXISTS replies (id INTEGER PRIMARY KEY, message_id TEXT NOT NULL, payload TEXT NOT NULL)`)
  const insert = db.prepare(`INSERT OR IGNORE INTO messages (id, fingerprint, room_id, payload, media, received_at) VALUES (?, ?, ?, ?, ?, ?)`)
  const pending = db.prepare<[], Row>(`SELECT seq, id, payload, media, stage, attempts FROM messages WHERE status = 'pending' ORDER BY seq`)
  const finish = db.prepare(`UPDATE messages SET status = ?, outcome = ?, done_at = ? WHERE id = ?`)
  const setStage = db.prepare(`UPDATE messages SET stage = ? WHERE id = ?`)
  const failed = db.prepare(`UPDATE messages SET attempts = attempts + 1, last_error = ? WHERE id = ?`)
  const addReply = db.prepare('INSERT INTO replies (message_id, payload) VALUES (?, ?)')
  const dropReply = db.prepare('DELETE FROM replies WHERE id = ?')
  const unsent = db.prepare<[], { id: number; payload: string }>('SELECT id, payload FROM replies ORDER BY id')
  const counts = db.prepare<[], { status: string; n: number }>(`SELECT status, count(*) AS n FROM messages GROUP BY status`)
  const toEntry = (r: Row): JournalEntry => {
    const m = JSON.parse(r.payload) as Omit<Inbound, 'receivedAt' | 'media'> & { receivedAt: string; mediaMime: string | null }
    return {
      seq: r.seq, stage: r.stage, attempts: r.attempts,
      message: { ...m, receivedAt: new Date(m.receivedAt), media: r.media && m.mediaMime ? { mime: m.mediaMime, data: r.media } : null },
    }
  }

  return {
    /** Records a message; false when it was seen before (by id or by fingerprint). */
    record(m: Inbound): boolean {
      const fingerprint = createHash('sha256')
        .update([m.roomTopic ?? m.roomId ?? '', m.talkerName, m.kind, m.text, Math.floor(m.receivedAt.getTime() / 1000)].join('\u0000'))
        .update(m.media?.data ?? Buffer.alloc(0))
        .digest('hex')
      const { media, ...rest } = m
      const payload = JSON.stringify({ ...rest, mediaMime: media?.mime ?? null })
      return insert.run(m.id, fingerprint, m.roomId, payload, media?.data ?? null, m.receivedAt.toISOString()).changes === 1
    },
    pending: (): JournalEntry[] => pending.all().map(toEntry),
    stage: (id: string, stage: string) => { setStage.run(stage, id) },
    /** Marks a message handled and keeps what is to be said about it, in one transaction. */
    done: db.transaction((id: string, outcome: string, replies: Outbound[] = []): number[] => {
      finish.run('done', outcome, new Date().toISOString(), id)
      return replies.map((r) => Number(addReply.run(id, JSON.stringify(r)).lastInsertRowid))
    }),
    /** Replies kept for a message but not said yet (after a crash). */
    unsent: (): Array<{ id: number; reply: Outbound }> => unsent.all().map((r) => ({ id: r.id, reply: JSON.parse(r.payload) as Outbound })),
    said: (replyId: number) => { dropReply.run(replyId) },
    failed: (id: string, error: string) => { failed.run(error, id) },
    counts: (): Record<string, number> => Object.fromEntries(counts.all().map((r) => [r.status, r.n])),
    close: () => db.close(),
  }
}
export type Journal = ReturnType<typeof openJournal>
