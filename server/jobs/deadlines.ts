import type { PersonRecord } from '../contract/index.ts'
import type { Db } from '../db/open.ts'
import { PRIORITY, type Outbox } from '../outbox/store.ts'
import type { People } from '../registry/people.ts'
import { CENTRE } from '../tickets/assign.ts'
import type { Addressing } from '../tickets/notify.ts'
import type { TicketRow, TicketStore } from '../tickets/store.ts'
import type { JobKeys } from './keys.ts'
import { jobMessages, type Deadline } from './messages.ts'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
/** Before a working-hours acceptance deadline, the assignee hears half an hour ahead. */
const ACCEPT_LEAD_MS = 30 * MINUTE_MS

/**
 * How long before a deadline the assignee is reminded: a quarter of the time the level was given, at least five
 * minutes and at most a day (grid 1 day → 6 h before; village 3 days → 18 h; township 7 days → 1 day; an
 * emergency's 2 hours → 30 min).
 */
export function leadOf(t: TicketRow, kind: Deadline): number {
  const due = new Date(kind === 'accept' ? t.accept_due_at : t.resolve_due_at).getTime()
  if (kind === 'accept' && !t.urgent && t.level !== 'county') return ACCEPT_LEAD_MS
  const window = due - new Date(t.level_entered_at).getTime()
  return Math.min(24 * HOUR_MS, Math.max(5 * MINUTE_MS, window / 4))
}

type Deps = { db: Db; store: TicketStore; people: People; outbox: Outbox; addressing: Addressing; keys: JobKeys }

/** Reminders before deadlines, and when one passes: the late flag, a line in the timeline, the assignee and the level above told. */
export function createDeadlineJob({ db, store, people, outbox, addressing, keys }: Deps) {
  const HORIZON_MS = 24 * HOUR_MS
  const open = db.prepare<[string, string], TicketRow>(`SELECT * FROM tickets
    WHERE status IN ('reported','accepted') AND (accept_due_at <= ? OR resolve_due_at <= ?) ORDER BY id`)

  /** Who answers for the level a ticket stands at: village secretary over a grid, township office over a village, county centre above. */
  function supervisorOf(t: TicketRow): PersonRecord | null {
    switch (t.level) {
      case 'grid': return t.village_code ? people.staff('villageSecretary', t.village_code) : null
      case 'village': return t.township_code ? people.staff('townshipOperator', t.township_code) : null
      case 'township': return people.staff('countyOperator', t.county_code)
      case 'county': return t.assignee_unit === CENTRE ? null : people.staff('countyOperator', t.county_code)
    }
  }

  const remind = db.transaction((t: TicketRow, kind: Deadline, key: string, nowIso: string) => {
    if (!keys.claim(key, 'reminder', nowIso)) return 0
    const assignee = t.assignee_person_id ? people.get(t.assignee_person_id) : null
    for (const d of addressing.toPerson(t, assignee, jobMessages.dueSoon(t, kind, addressing.where(t)), key, t.urgent ? PRIORITY.urgent : PRIORITY.normal)) outbox.add(d, nowIso)
    return 1
  })

  const overdue = db.transaction((id: number, kind: Deadline, key: string, nowIso: string) => {
    if (!keys.claim(key, 'overdue', nowIso)) return 0
    const t = store.get(id)!
    const flagged = kind === 'accept' ? t.late_accept : t.late_resolve
    if (!flagged) store.update(t.id, t.version, kind === 'accept' ? { late_accept: 1 } : { late_resolve: 1 }, nowIso)
    const after = store.get(id)!
    const assignee = t.assignee_person_id ? people.get(t.assignee_person_id) : null
    const boss = supervisorOf(t)
    const up = boss && boss.id !== assignee?.id ? boss : null
    const due = kind === 'accept' ? t.accept_due_at : t.resolve_due_at
    store.addEvent({
      ticket_id: t.id, at: nowIso, action: 'overdue', actor_kind: 'system', actor_id: null, actor_name: '系统',
      from_status: t.status, to_status: t.status, from_level: t.level, to_level: t.level,
      note: `超过${kind === 'accept' ? '受理' : '办结'}时限${up ? `，已报${up.name}督办` : ''}`, data: { deadline: kind, due, reportedTo: up?.id ?? null },
    })
    const where = addressing.where(after)
    const priority = after.urgent ? PRIORITY.urgent : PRIORITY.normal
    const drafts = [
      ...addressing.toPerson(after, assignee, jobMessages.overdue(after, kind, where), key, priority),
      ...addressing.toPerson(after, up, jobMessages.overdueUp(after, kind, where, assignee?.name ?? after.assignee_unit ?? '未指定'), `${key}:up`, priority),
    ]
    for (const d of drafts) outbox.add(d, nowIso)
    return 1
  })

  return (now: Date): { reminded: number; overdue: number } => {
    const nowIso = now.toISOString()
    const out = { reminded: 0, overdue: 0 }
    for (const t of open.all(new Date(now.getTime() + HORIZON_MS).toISOString(), new Date(now.getTime() + HORIZON_MS).toISOString())) {
      const kinds: Deadline[] = t.status === 'reported' ? ['accept', 'resolve'] : ['resolve']
      for (const kind of kinds) {
        const dueIso = kind === 'accept' ? t.accept_due_at : t.resolve_due_at
        const due = new Date(dueIso).getTime()
        if (now.getTime() >= due) {
          const key = `overdue:${kind}:${t.id}:${dueIso}`
          if (!keys.done(key)) out.overdue += overdue(t.id, kind, key, nowIso)
        } else if (now.getTime() >= due - leadOf(t, kind)) {
          const key = `due-soon:${kind}:${t.id}:${dueIso}`
          if (!keys.done(key)) out.reminded += remind(t, kind, key, nowIso)
        }
      }
    }
    return out
  }
}
