import type { CreateTicket, CreateTicketResult, Level } from '../contract/index.ts'
import { HttpError } from '../http/errors.ts'
import type { Caller } from '../auth/actor.ts'
import { actorLabel } from '../auth/actor.ts'
import { PRIORITY, type OutboxDraft } from '../outbox/store.ts'
import type { AreaChain } from '../registry/areas.ts'
import type { Room } from '../contract/index.ts'
import { assign } from './assign.ts'
import { deadlinesFor } from './deadlines.ts'
import { locateByPlace } from './locate.ts'
import { bigrams, DUPLICATE_THRESHOLD, overlap } from './similar.ts'
import type { NewTicketRow, TicketRow } from './store.ts'
import { messages } from './messages.ts'
import type { TicketDeps } from './deps.ts'

const DUPLICATE_WINDOW_MS = 7 * 86_400_000

export type CreateOptions = { externalId?: string }

export function createTicketCreator(deps: TicketDeps) {
  const { db, store, people, rooms, areas, settings, outbox, addressing, view, clock } = deps

  /** Where the ticket belongs: a named grid, the group it was said in, or (12345) the words of its address. */
  function locate(caller: Caller, input: CreateTicket): { chain: AreaChain; room: Room | null } {
    if (input.gridCode) {
      const chain = areas.chain(input.gridCode)
      if (!chain?.grid) throw new HttpError(422, 'unknown_grid', `网格编码 ${input.gridCode} 不存在`, 'gridCode')
      return { chain, room: rooms.forArea(input.gridCode) }
    }
    if (input.room) {
      const room = rooms.byWechatId(input.room.wechatRoomId)
        ?? (input.room.topic && caller.kind === 'bot' ? rooms.resolve(input.room.wechatRoomId, input.room.topic, caller.bot.id, clock().toISOString()) : null)
      if (!room?.areaCode) throw new HttpError(422, 'room_not_bound', '该群尚未绑定网格，请管理员先绑定', 'room.wechatRoomId')
      const chain = areas.chain(room.areaCode)!
      // A village-wide group: the place may name one of its grids; otherwise the village handles it.
      if (!chain.grid && input.place) {
        const guess = locateByPlace(input.place, areas, chain.county.code)
        if (guess.grid && guess.village?.code === chain.village?.code) return { chain: guess, room }
      }
      return { chain, room }
    }
    const county = areas.list().find((a) => a.kind === 'county')
    if (!county) throw new HttpError(422, 'no_county', '尚未配置县区', 'gridCode')
    return { chain: locateByPlace(`${input.place ?? ''} ${input.text}`, areas, county.code), room: null }
  }

  function reporterOf(caller: Caller, input: CreateTicket) {
    if (caller.kind === 'person') {
      const r = input.reporter
      return { contactId: r?.contactId ?? caller.person.contactId, name: r?.name ?? caller.person.name, personId: r ? null : caller.person.id }
    }
    if (!input.reporter) throw new HttpError(400, 'invalid_input', '缺少反映人', 'reporter')
    const personId = input.reporter.contactId ? (people.byContactId(input.reporter.contactId)?.id ?? null) : null
    return { contactId: input.reporter.contactId ?? null, name: input.reporter.name, personId }
  }

  // A ticket's text never changes, so the character pairs of recent ones are kept; bounded, it simply starts over.
  const gramCache = new Map<number, Float64Array>()
  const gramsOf = (id: number, text?: string): Float64Array => {
    let grams = gramCache.get(id)
    if (!grams) {
      if (gramCache.size >= 20_000) gramCache.clear()
      grams = bigrams(text ?? store.textOf(id))
      gramCache.set(id, grams)
    }
    return grams
  }

  function findDuplicate(chain: AreaChain, input: CreateTicket, now: Date): TicketRow | null {
    if (!chain.grid || input.intent !== 'appeal' || !input.linkDuplicates) return null
    const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString()
    const grams = bigrams(input.text)
    for (const id of store.openInGrid(chain.grid.code, input.category, since)) {
      if (overlap(grams, gramsOf(id)) < DUPLICATE_THRESHOLD) continue
      const t = store.get(id)!
      if (!input.place || !t.place || input.place === t.place) return t
    }
    return null
  }

  const create = db.transaction((caller: Caller, input: CreateTicket, opts: CreateOptions): CreateTicketResult => {
    const now = clock()
    const nowIso = now.toISOString()
    const key = opts.externalId ? `hotline:${opts.externalId}` : input.clientKey
    const seen = store.request(key)
    if (seen) return { ticket: view(store.get(seen.ticket_id)!, now), created: false, linked: seen.linked === 1 }

    const { chain, room } = locate(caller, input)
    const reporter = reporterOf(caller, input)
    const actor = actorLabel(caller)
    const main = findDuplicate(chain, input, now)
    if (main) {
      if (reporter.contactId && reporter.contactId !== main.reporter_contact_id) {
        store.addFollower(main.id, reporter.contactId, reporter.name, room?.id ?? null, nowIso)
      }
      store.addEvent({ ticket_id: main.id, at: nowIso, action: 'link', actor_kind: actor.kind, actor_id: actor.id, actor_name: reporter.name,
        from_status: main.status, to_status: main.status, from_level: main.level, to_level: main.level, note: input.text, data: { clientKey: key } })
      store.recordRequest(key, main.id, true, nowIso)
      return { ticket: view(main, now), created: false, linked: true }
    }

    const level: Level = chain.grid ? 'grid' : chain.village ? 'village' : chain.township ? 'township' : 'county'
    const urgent = input.intent === 'emergency' || input.urgent
    const who = assign(level, chain, input.category, people, settings)
    const due = deadlinesFor(level, urgent, now, settings.deadlines())
    const row: NewTicketRow & { no: string } = {
      no: store.nextNo(), source: opts.externalId ? 'hotline' : caller.kind === 'bot' ? 'bot' : caller.kind === 'person' ? 'staff' : 'admin',
      external_id: opts.externalId ?? null, intent: input.intent, category: input.category,
      summary: input.summary ?? [...input.text].slice(0, 40).join(''), text: input.text, place: input.place ?? null, phone: input.phone ?? null,
      people: JSON.stringify(input.people), sensitive: input.sensitive ? 1 : 0, urgent: urgent ? 1 : 0, standard: who.standard === null ? null : who.standard ? 1 : 0,
      status: 'reported', level, grid_code: chain.grid?.code ?? null, village_code: chain.village?.code ?? null,
      township_code: chain.township?.code ?? null, county_code: chain.county.code, room_id: room?.id ?? null,
      reporter_contact_id: reporter.contactId, reporter_name: reporter.name, reporter_person_id: reporter.personId,
      assignee_person_id: who.person?.id ?? null, assignee_unit: who.unit, cc_person_ids: JSON.stringify(who.cc.map((p) => p.id)),
      lead_department: null, cooperating_departments: '[]', escalated_from: null, level_entered_at: nowIso,
      accept_due_at: due.acceptBy.toISOString(), resolve_due_at: due.resolveBy.toISOString(), progress_due_at: due.progressBy?.toISOString() ?? null,
      accepted_at: null, resolved_at: null, resolved_level: null, closed_at: null, result: null, rating: null, rated_at: null,
      needs_verification: 0, verified: null, reopen_count: 0, return_count: 0, extended: 0, late_accept: 0, late_resolve: 0,
      reject_reason: null, main_ticket_id: null, created_at: nowIso, updated_at: nowIso,
    }
    const id = store.insert(row)
    gramsOf(id, row.text)
    const ticket: TicketRow = { ...row, id, version: 1 }
    const eventId = store.addEvent({ ticket_id: id, at: nowIso, action: 'create', actor_kind: actor.kind, actor_id: actor.id, actor_name: actor.name,
      from_status: null, to_status: 'reported', from_level: null, to_level: level, note: null,
      data: { assignee: who.person?.id ?? null, unit: who.unit, source: row.source, ...(opts.externalId ? { externalId: opts.externalId } : {}) } })
    store.recordRequest(key, id, false, nowIso)
    for (const d of announce(ticket, who.person, who.cc, chain, `e${eventId}`)) outbox.add(d, nowIso)
    deps.log.info({ ticketNo: ticket.no, gridCode: ticket.grid_code, level, urgent }, 'ticket filed')
    return { ticket: view(ticket, now), created: true, linked: false }
  })

  /** A new ticket is told to its handler privately; an emergency to the grid worker, grid head and instructor at once. */
  function announce(t: TicketRow, assignee: ReturnType<typeof people.get>, cc: NonNullable<ReturnType<typeof people.get>>[], chain: AreaChain, key: string): OutboxDraft[] {
    const where = addressing.where(t)
    if (t.urgent && chain.grid) {
      const team = [
        people.staff('gridWorker', chain.grid.code), people.staff('gridHead', chain.grid.code),
        chain.village ? people.staff('gridInstructor', chain.village.code) : null, assignee,
      ]
      const unique = [...new Map(team.filter((p) => p !== null).map((p) => [p.id, p])).values()]
      return unique.flatMap((p) => addressing.toPerson(t, p, messages.emergency(t, where), key, PRIORITY.urgent))
    }
    const priority = t.urgent ? PRIORITY.urgent : PRIORITY.normal
    const name = assignee?.name ?? '待分配'
    return [
      ...addressing.toPerson(t, assignee, t.urgent ? messages.emergency(t, where) : messages.newTicket(t, where), key, priority),
      ...cc.flatMap((p) => addressing.toPerson(t, p, messages.copied(t, where, name), key, priority)),
    ]
  }

  return (caller: Caller, input: CreateTicket, opts: CreateOptions = {}) => create(caller, input, opts)
}
