import type { Db } from '../db/open.ts'
import type { Category, Level, Rating, RejectReason, Status, TicketEvent, TicketQuery } from '../contract/index.ts'

export type TicketRow = {
  id: number; no: string; source: 'bot' | 'staff' | 'hotline' | 'admin'; external_id: string | null
  intent: 'appeal' | 'emergency'; category: Category; summary: string; text: string; place: string | null; phone: string | null
  people: string; sensitive: number; urgent: number; standard: number | null; status: Status; level: Level
  grid_code: string | null; village_code: string | null; township_code: string | null; county_code: string; room_id: number | null
  reporter_contact_id: string | null; reporter_name: string; reporter_person_id: string | null
  assignee_person_id: string | null; assignee_unit: string | null; cc_person_ids: string
  lead_department: string | null; cooperating_departments: string; escalated_from: Level | null
  level_entered_at: string; accept_due_at: string; resolve_due_at: string; progress_due_at: string | null
  accepted_at: string | null; resolved_at: string | null; resolved_level: Level | null; closed_at: string | null
  result: string | null; rating: Rating | null; rated_at: string | null; needs_verification: number; verified: number | null
  reopen_count: number; return_count: number; extended: number; late_accept: number; late_resolve: number
  reject_reason: RejectReason | null; main_ticket_id: number | null; version: number; created_at: string; updated_at: string
}
export type NewTicketRow = Omit<TicketRow, 'id' | 'no' | 'version'>
/** How many of the newest open tickets in a grid and category a new appeal is compared with. */
const DUPLICATE_CANDIDATES = 30

type EventRow = {
  id: number; ticket_id: number; at: string; action: string; actor_kind: TicketEvent['actor']['kind']; actor_id: string | null; actor_name: string
  from_status: Status | null; to_status: Status | null; from_level: Level | null; to_level: Level | null; note: string | null; data: string | null
}
export type NewEvent = Omit<EventRow, 'id' | 'data'> & { data?: Record<string, unknown> | null }

export const toEvent = (r: EventRow): TicketEvent => ({
  id: r.id, at: r.at, action: r.action, actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
  fromStatus: r.from_status, toStatus: r.to_status, fromLevel: r.from_level, toLevel: r.to_level, note: r.note,
  data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
})

/** A scope is a SQL condition over the tickets table (alias t) that limits what an actor may list. */
export type Scope = { sql: string; params: unknown[] }

const updatable = [
  'status', 'level', 'standard', 'assignee_person_id', 'assignee_unit', 'cc_person_ids', 'lead_department', 'cooperating_departments',
  'escalated_from', 'level_entered_at', 'accept_due_at', 'resolve_due_at', 'progress_due_at', 'accepted_at', 'resolved_at',
  'resolved_level', 'closed_at', 'result', 'rating', 'rated_at', 'needs_verification', 'verified', 'reopen_count', 'return_count',
  'extended', 'late_accept', 'late_resolve', 'reject_reason', 'main_ticket_id', 'grid_code', 'village_code', 'township_code', 'room_id',
] as const satisfies ReadonlyArray<keyof TicketRow>
export type TicketPatch = Partial<Pick<TicketRow, (typeof updatable)[number]>>

export function createTicketStore(db: Db) {
  const nextNo = db.prepare<[], { n: number }>('UPDATE ticket_no_seq SET next = next + 1 WHERE id = 1 RETURNING next - 1 AS n')
  const insertCols = [
    'no', 'source', 'external_id', 'intent', 'category', 'summary', 'text', 'place', 'phone', 'people', 'sensitive', 'urgent', 'standard',
    'status', 'level', 'grid_code', 'village_code', 'township_code', 'county_code', 'room_id', 'reporter_contact_id', 'reporter_name',
    'reporter_person_id', 'assignee_person_id', 'assignee_unit', 'cc_person_ids', 'lead_department', 'cooperating_departments',
    'escalated_from', 'level_entered_at', 'accept_due_at', 'resolve_due_at', 'progress_due_at', 'accepted_at', 'resolved_at',
    'resolved_level', 'closed_at', 'result', 'rating', 'rated_at', 'needs_verification', 'verified', 'reopen_count', 'return_count',
    'extended', 'late_accept', 'late_resolve', 'reject_reason', 'main_ticket_id', 'created_at', 'updated_at',
  ] as const
  const insert = db.prepare(`INSERT INTO tickets (${insertCols.join(', ')}) VALUES (${insertCols.map((c) => '@' + c).join(', ')})`)
  const byId = db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?')
  const byNo = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE no = ?')
  const byExternal = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE external_id = ?')
  const requestByKey = db.prepare<[string], { ticket_id: number; linked: number }>('SELECT ticket_id, linked FROM create_requests WHERE client_key = ?')
  const insertRequest = db.prepare('INSERT INTO create_requests (client_key, ticket_id, linked, created_at) VALUES (?, ?, ?, ?)')
  // Duplicate matching runs on every new appeal: answered from the covering expression index tickets_dup alone,
  // newest first, with no table rows read and no sort; the texts themselves come from a cache in the creator.
  const openInGrid = db.prepare<[string, string, string], number>(`SELECT id FROM tickets
    WHERE grid_code = ? AND category = ? AND (status IN ('reported','accepted')) = 1 AND intent = 'appeal' AND sensitive = 0 AND created_at >= ?
    ORDER BY id DESC LIMIT ${DUPLICATE_CANDIDATES}`).pluck()
  const textOf = db.prepare<[number], { text: string }>('SELECT text FROM tickets WHERE id = ?')
  const insertEvent = db.prepare(`INSERT INTO ticket_events (ticket_id, at, action, actor_kind, actor_id, actor_name, from_status, to_status, from_level, to_level, note, data)
    VALUES (@ticket_id, @at, @action, @actor_kind, @actor_id, @actor_name, @from_status, @to_status, @from_level, @to_level, @note, @data)`)
  const eventsOf = db.prepare<[number], EventRow>('SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY id')
  const addFollower = db.prepare('INSERT OR IGNORE INTO ticket_followers (ticket_id, contact_id, name, room_id, created_at) VALUES (?, ?, ?, ?, ?)')
  const followersOf = db.prepare<[number], { contact_id: string; name: string; room_id: number | null; created_at: string }>(
    'SELECT contact_id, name, room_id, created_at FROM ticket_followers WHERE ticket_id = ? ORDER BY created_at')
  const updates = new Map<string, ReturnType<Db['prepare']>>()

  return {
    nextNo: (): string => `W${nextNo.get()!.n}`,
    insert(row: NewTicketRow & { no: string }): number {
      return Number(insert.run(row).lastInsertRowid)
    },
    get: (id: number): TicketRow | null => byId.get(id) ?? null,
    textOf: (id: number): string => textOf.get(id)?.text ?? '',
    byNo: (no: string): TicketRow | null => byNo.get(no) ?? null,
    byExternalId: (externalId: string): TicketRow | null => byExternal.get(externalId) ?? null,
    request: (clientKey: string) => requestByKey.get(clientKey) ?? null,
    recordRequest(clientKey: string, ticketId: number, linked: boolean, now: string): void {
      insertRequest.run(clientKey, ticketId, linked ? 1 : 0, now)
    },
    /** Ids of the newest open, non-sensitive appeals in a grid and category since a time. */
    openInGrid: (gridCode: string, category: Category, since: string): number[] => openInGrid.all(gridCode, category, since),
    /** Writes a patch if nobody changed the ticket since `version` was read; false means someone did. */
    update(id: number, version: number, patch: TicketPatch, now: string): boolean {
      const cols = Object.keys(patch).filter((k) => (updatable as readonly string[]).includes(k)).sort()
      const key = cols.join(',')
      let stmt = updates.get(key)
      if (!stmt) {
        stmt = db.prepare(`UPDATE tickets SET ${cols.map((c) => `${c} = @${c}`).join(', ')}${cols.length ? ', ' : ''}version = version + 1, updated_at = @updated_at WHERE id = @id AND version = @version`)
        updates.set(key, stmt)
      }
      return stmt.run({ ...patch, id, version, updated_at: now }).changes === 1
    },
    addEvent(e: NewEvent): number {
      return Number(insertEvent.run({ ...e, data: e.data ? JSON.stringify(e.data) : null }).lastInsertRowid)
    },
    events: (ticketId: number): TicketEvent[] => eventsOf.all(ticketId).map(toEvent),
    addFollower(ticketId: number, contactId: string, name: string, roomId: number | null, now: string): boolean {
      return addFollower.run(ticketId, contactId, name, roomId, now).changes === 1
    },
    followers: (ticketId: number) => followersOf.all(ticketId),
    list(q: TicketQuery, scope: Scope, now: string): TicketRow[] {
      const where: string[] = [scope.sql]
      const params: unknown[] = [...scope.params]
      const inList = (col: string, values: readonly string[] | undefined) => {
        if (!values?.length) return
        where.push(`t.${col} IN (${values.map(() => '?').join(', ')})`)
        params.push(...values)
      }
      inList('status', q.status)
      inList('level', q.level)
      inList('category', q.category)
      if (q.area) {
        where.push('(t.grid_code = ? OR t.village_code = ? OR t.township_code = ? OR t.county_code = ?)')
        params.push(q.area, q.area, q.area, q.area)
      }
      if (q.assignee) { where.push('t.assignee_person_id = ?'); params.push(q.assignee) }
      if (q.reporter) {
        // The resident who reported it, or one who said the same thing and follows it.
        where.push('(t.reporter_contact_id = ? OR t.reporter_person_id = ? OR t.id IN (SELECT ticket_id FROM ticket_followers WHERE contact_id = ?))')
        params.push(q.reporter, q.reporter, q.reporter)
      }
      if (q.from) { where.push('t.created_at >= ?'); params.push(new Date(q.from).toISOString()) }
      if (q.to) { where.push('t.created_at < ?'); params.push(new Date(q.to).toISOString()) }
      if (q.overdue !== undefined) {
        const overdue = `((t.status = 'reported' AND t.accept_due_at < ?) OR (t.status IN ('reported','accepted') AND t.resolve_due_at < ?))`
        where.push(q.overdue ? overdue : `NOT ${overdue}`)
        params.push(now, now)
      }
      if (q.cursor) { where.push('t.id < ?'); params.push(Number(q.cursor)) }
      params.push(q.limit + 1)
      return db.prepare(`SELECT t.* FROM tickets t WHERE ${where.join(' AND ')} ORDER BY t.id DESC LIMIT ?`).all(...params) as TicketRow[]
    },
  }
}
export type TicketStore = ReturnType<typeof createTicketStore>
