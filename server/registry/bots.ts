import type { Db } from '../db/open.ts'
import type { Bot } from '../contract/index.ts'
import { memo } from './memo.ts'

type BotRow = { id: string; name: string; contact_id: string | null; last_seen_at: string | null; logged_in: number; last_error: string | null }
const toBot = (r: BotRow): Bot => ({ id: r.id, name: r.name, contactId: r.contact_id, lastSeenAt: r.last_seen_at, loggedIn: r.logged_in === 1, lastError: r.last_error })

export function createBots(db: Db) {
  const byId = db.prepare<[string], BotRow>('SELECT * FROM bots WHERE id = ?')
  const all = db.prepare<[], BotRow>('SELECT * FROM bots ORDER BY id')
  const insert = db.prepare('INSERT INTO bots (id, name, contact_id) VALUES (?, ?, ?)')
  const first = db.prepare<[], BotRow>('SELECT * FROM bots ORDER BY rowid LIMIT 1')
  const beat = db.prepare('UPDATE bots SET last_seen_at = ?, logged_in = ?, last_error = ?, contact_id = coalesce(?, contact_id) WHERE id = ?')
  const get = memo((id: string): Bot | null => { const r = byId.get(id); return r ? toBot(r) : null })
  /** The account that speaks for the county when nothing names a better one. */
  const fallback = memo((): Bot | null => { const r = first.get(); return r ? toBot(r) : null })
  return {
    get,
    list: (): Bot[] => all.all().map(toBot),
    create(b: Pick<Bot, 'id' | 'name' | 'contactId'>): void {
      insert.run(b.id, b.name, b.contactId)
      get.clear()
      fallback.clear()
    },
    fallback,
    /** A bot's report on its account; the console shows it as bot health. */
    heartbeat(id: string, loggedIn: boolean, error: string | null, contactId: string | null, now: string): void {
      beat.run(now, loggedIn ? 1 : 0, error, contactId, id)
      get.clear()
      fallback.clear()
    },
  }
}
export type Bots = ReturnType<typeof createBots>
