import type { Db } from '../db/open.ts'
import { PRIORITY, type Outbox } from '../outbox/store.ts'
import type { Areas } from '../registry/areas.ts'
import type { Bots } from '../registry/bots.ts'
import type { People } from '../registry/people.ts'
import type { Rooms } from '../registry/rooms.ts'
import type { TicketRow } from '../tickets/store.ts'
import type { JobKeys } from './keys.ts'
import { jobMessages } from './messages.ts'

/** The daily list goes out from 08:00 Beijing time; a server that was down at 08:00 sends it when it is back, that day. */
export const DIGEST_AT = '08:00'
const LINES = 15
const beijing = (t: Date) => new Date(t.getTime() + 8 * 3600_000).toISOString()

type Deps = { db: Db; people: People; rooms: Rooms; bots: Bots; areas: Areas; outbox: Outbox; keys: JobKeys }

/** Each grid worker and grid head gets, once a day in private, what is open and late in their grids. */
export function createDigestJob({ db, people, rooms, bots, areas, outbox, keys }: Deps) {
  const holders = db.prepare<[], { person_id: string; role: 'gridWorker' | 'gridHead'; area_code: string }>(
    "SELECT person_id, role, area_code FROM person_roles WHERE role IN ('gridWorker','gridHead') ORDER BY person_id, area_code")
  const openIn = (grids: string[]) => db.prepare<string[], TicketRow>(
    `SELECT * FROM tickets WHERE grid_code IN (${grids.map(() => '?').join(', ')}) AND status IN ('reported','accepted') ORDER BY id`).all(...grids)
  const toVerifyIn = (grids: string[]) => grids.length ? db.prepare<string[], TicketRow>(
    `SELECT * FROM tickets WHERE grid_code IN (${grids.map(() => '?').join(', ')}) AND status = 'resolved' AND needs_verification = 1 AND verified IS NULL ORDER BY id`).all(...grids) : []
  const botFor = (grid: string) => {
    const chain = areas.chain(grid)
    for (const code of [grid, chain?.village?.code]) {
      const room = code ? rooms.forArea(code) : null
      if (room?.botId) return room.botId
    }
    return bots.fallback()?.id ?? null
  }

  const sendOne = db.transaction((personId: string, grids: string[], headOf: string[], date: string, key: string, now: Date) => {
    const nowIso = now.toISOString()
    if (!keys.claim(key, 'digest', nowIso)) return 0
    const person = people.get(personId)
    const botId = botFor(grids[0]!)
    if (!person?.active || !person.contactId || !botId) return 0
    const open = openIn(grids)
    const toVerify = toVerifyIn(headOf)
    if (!open.length && !toVerify.length) return 0
    const late = (t: TicketRow) => (t.status === 'reported' && t.accept_due_at < nowIso) || t.resolve_due_at < nowIso
    outbox.add({
      botId, kind: 'private', roomId: null, personId: person.id, contactId: person.contactId, toName: person.name, mention: [],
      text: jobMessages.digest(date, open, late, toVerify, LINES), priority: PRIORITY.normal, ticketId: null, dedupeKey: key,
    }, nowIso)
    return 1
  })

  return (now: Date): number => {
    const local = beijing(now)
    if (local.slice(11, 16) < DIGEST_AT) return 0
    const date = local.slice(0, 10)
    const byPerson = new Map<string, { grids: Set<string>; headOf: Set<string> }>()
    for (const h of holders.all()) {
      const entry = byPerson.get(h.person_id) ?? { grids: new Set<string>(), headOf: new Set<string>() }
      entry.grids.add(h.area_code)
      if (h.role === 'gridHead') entry.headOf.add(h.area_code)
      byPerson.set(h.person_id, entry)
    }
    let sent = 0
    for (const [personId, { grids, headOf }] of byPerson) {
      const key = `digest:${date}:${personId}`
      if (!keys.done(key)) sent += sendOne(personId, [...grids], [...headOf], date, key, now)
    }
    return sent
  }
}
