import type { Category, Level, Status } from '../contract/index.ts'
import type { Db } from '../db/open.ts'

/** What the dashboard needs to know of one ticket: a few columns of its row and a few counts from its event log. */
export type TicketFact = {
  id: number
  county: string; township: string | null; village: string | null; grid: string | null
  category: Category
  created: number
  status: Status
  lateAccept: boolean; lateResolve: boolean
  acceptDue: number; resolveDue: number
  /** Hours from filing to the last resolution, for a ticket that is resolved now. */
  resolveHours: number | null
  resolvedLevel: Level | null
  everResolved: boolean
  reopenCount: number; returnCount: number
  accepts: number; lateAccepts: number; escalations: number; rated: number; satisfied: number
}

type Row = {
  id: number; county_code: string; township_code: string | null; village_code: string | null; grid_code: string | null; category: Category
  created_at: string; status: Status; late_accept: number; late_resolve: number; accept_due_at: string; resolve_due_at: string
  resolved_at: string | null; resolved_level: Level | null; reopen_count: number; return_count: number
}
type EventSums = { ticket_id: number; accepts: number; late_accepts: number; escalations: number; rated: number; satisfied: number }

const COLUMNS = `id, county_code, township_code, village_code, grid_code, category, created_at, status, late_accept, late_resolve,
  accept_due_at, resolve_due_at, resolved_at, resolved_level, reopen_count, return_count`
const CHUNK = 500

/**
 * The dashboard's read model: one fact per ticket, kept in memory and brought up to date before every report from
 * the event log. The log is append-only (the database refuses anything else) and every change to a ticket writes a
 * line to it in the same transaction, so the tickets to reload are exactly those with lines after the last one read.
 * A county's year (50,000 tickets) is read once, then each report only walks memory; see tests/bench/dashboard.ts.
 */
export function createTicketFacts(db: Db) {
  const facts = new Map<number, TicketFact>()
  let lastEvent = 0
  const maxEvent = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM ticket_events').pluck()
  const changed = db.prepare<[number, number], number>('SELECT DISTINCT ticket_id FROM ticket_events WHERE id > ? AND id <= ?').pluck()
  // The rating and the lateness are read from the JSON the actions wrote (JSON.stringify: no spaces), with instr
  // rather than json_extract, which costs more than the rest of the scan.
  const eventSums = db.prepare<[number, number], EventSums>(`SELECT ticket_id,
      SUM(action = 'accept') AS accepts,
      SUM(action = 'accept' AND instr(data, '"late":true') > 0) AS late_accepts,
      SUM(action = 'escalate') AS escalations,
      SUM(action = 'rate') AS rated,
      SUM(action = 'rate' AND (instr(data, '"rating":"satisfied"') > 0 OR instr(data, '"rating":"basicallySatisfied"') > 0)) AS satisfied
    FROM ticket_events WHERE id > ? AND id <= ? AND action IN ('accept', 'escalate', 'rate') GROUP BY ticket_id`)
  const allRows = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM tickets`)
  const selectSome = (n: number) => db.prepare<number[], Row>(`SELECT ${COLUMNS} FROM tickets WHERE id IN (${Array(n).fill('?').join(',')})`)
  const someRows = new Map<number, ReturnType<typeof selectSome>>()
  const rowsOf = (ids: number[]): Row[] => {
    let stmt = someRows.get(ids.length)
    if (!stmt) {
      stmt = selectSome(ids.length)
      if (someRows.size < 50) someRows.set(ids.length, stmt)
    }
    return stmt.all(...ids)
  }

  function put(r: Row) {
    const old = facts.get(r.id)
    const resolved = r.status === 'resolved' || r.status === 'closed'
    const created = Date.parse(r.created_at)
    facts.set(r.id, {
      id: r.id, county: r.county_code, township: r.township_code, village: r.village_code, grid: r.grid_code, category: r.category,
      created, status: r.status, lateAccept: r.late_accept === 1, lateResolve: r.late_resolve === 1,
      acceptDue: Date.parse(r.accept_due_at), resolveDue: Date.parse(r.resolve_due_at),
      resolveHours: resolved && r.resolved_at ? (Date.parse(r.resolved_at) - created) / 3600_000 : null,
      resolvedLevel: r.resolved_level, everResolved: r.resolved_at !== null, reopenCount: r.reopen_count, returnCount: r.return_count,
      accepts: old?.accepts ?? 0, lateAccepts: old?.lateAccepts ?? 0, escalations: old?.escalations ?? 0, rated: old?.rated ?? 0, satisfied: old?.satisfied ?? 0,
    })
  }

  /** Reads what changed since the last call; the first call reads everything. */
  const refresh = db.transaction((): void => {
    const upTo = maxEvent.get()!
    if (upTo === lastEvent) return
    if (lastEvent === 0) for (const r of allRows.all()) put(r)
    else {
      const ids = changed.all(lastEvent, upTo)
      for (let i = 0; i < ids.length; i += CHUNK) for (const r of rowsOf(ids.slice(i, i + CHUNK))) put(r)
    }
    for (const e of eventSums.all(lastEvent, upTo)) {
      const f = facts.get(e.ticket_id)
      if (!f) continue
      f.accepts += e.accepts; f.lateAccepts += e.late_accepts; f.escalations += e.escalations; f.rated += e.rated; f.satisfied += e.satisfied
    }
    lastEvent = upTo
  })

  return {
    /** Every ticket's fact, current as of this call. */
    all(): Iterable<TicketFact> {
      refresh()
      return facts.values()
    },
  }
}
export type TicketFacts = ReturnType<typeof createTicketFacts>
