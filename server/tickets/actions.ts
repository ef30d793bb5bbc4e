import {
  actionLabels, levelLabels, levelOrder, ratingLabels, statusLabels, type ActionBody, type ActionName, type Level, type PersonRecord, type Ticket,
} from '../contract/index.ts'
import { HttpError } from '../http/errors.ts'
import { actorLabel, type Actor } from '../auth/actor.ts'
import { PRIORITY, type OutboxDraft } from '../outbox/store.ts'
import { assign, CENTRE, type Assignment } from './assign.ts'
import { deadlinesFor, maxResolveDays } from './deadlines.ts'
import { messages } from './messages.ts'
import { canWork, hasRoleOver } from './permissions.ts'
import { rules, type Who } from './rules.ts'
import type { TicketPatch, TicketRow } from './store.ts'
import type { TicketDeps } from './deps.ts'

type Outcome = {
  patch: TicketPatch
  note?: string | null
  data?: Record<string, unknown>
  notify?: (after: TicketRow, key: string) => OutboxDraft[]
  afterwards?: () => void
}
type Ctx = { t: TicketRow; actor: Actor; now: Date; nowIso: string }

const DAY_MS = 86_400_000
const SUPPLEMENT_QUIET_MS = 5 * 60_000
const isSatisfied = (r: string | null) => r === 'satisfied' || r === 'basicallySatisfied'

export function createTicketActions(deps: TicketDeps) {
  const { db, store, people, rooms, areas, settings, outbox, addressing, view, clock } = deps

  const chainOf = (t: TicketRow) => areas.chain(t.grid_code ?? t.village_code ?? t.township_code ?? t.county_code)!
  const personOf = (id: string | null) => (id ? people.get(id) : null)
  const dueFields = (level: Level, t: TicketRow, now: Date): TicketPatch => {
    const due = deadlinesFor(level, t.urgent === 1, now, settings.deadlines())
    return { level_entered_at: now.toISOString(), accept_due_at: due.acceptBy.toISOString(), resolve_due_at: due.resolveBy.toISOString(), progress_due_at: due.progressBy?.toISOString() ?? null }
  }
  const assignFields = (a: Assignment): TicketPatch => ({
    assignee_person_id: a.person?.id ?? null, assignee_unit: a.unit, cc_person_ids: JSON.stringify(a.cc.map((p) => p.id)),
    standard: a.standard === null ? null : a.standard ? 1 : 0,
  })
  const toAssignee = (text: (after: TicketRow) => string) => (after: TicketRow, key: string) =>
    addressing.toPerson(after, personOf(after.assignee_person_id), text(after), key, after.urgent ? PRIORITY.urgent : PRIORITY.normal)
  const handlerName = (t: TicketRow, actor: Actor) =>
    t.level === 'grid' && actor.kind === 'person' ? `网格员${actor.person.name}` : `${levelLabels[t.level]}${t.level === 'county' ? '相关部门' : ''}`
  const reopenFields = (t: TicketRow, now: Date): TicketPatch => ({
    status: 'accepted', reopen_count: t.reopen_count + 1, closed_at: null, verified: null, needs_verification: 0, ...dueFields(t.level, t, now),
  })

  function lookup(ref: string): TicketRow {
    const clean = ref.trim().toUpperCase().replace(/^[#＃]/, '')
    const t = /^\d+$/.test(clean) ? (store.get(Number(clean)) ?? store.byNo(`W${clean}`)) : /^W\d+$/.test(clean) ? store.byNo(clean) : null
    if (!t) throw new HttpError(404, 'ticket_not_found', `工单 ${ref} 不存在`, 'ticket')
    return t
  }

  function allowed(who: Who, { t, actor }: Ctx): boolean {
    if (actor.kind === 'admin') return true
    if (who === 'reporter') {
      if (actor.kind === 'resident') return actor.contactId === t.reporter_contact_id || store.followers(t.id).some((f) => f.contact_id === actor.contactId)
      return actor.kind === 'person' && (actor.person.id === t.reporter_person_id || actor.person.contactId === t.reporter_contact_id || hasRoleOver(actor.person, ['admin'], t))
    }
    if (actor.kind !== 'person') return false
    const p = actor.person
    switch (who) {
      case 'worker': return canWork(p, t)
      case 'verifier': return hasRoleOver(p, ['gridHead', 'admin'], t)
      case 'centre': return hasRoleOver(p, ['countyOperator', 'admin'], t)
      case 'router': return hasRoleOver(p, ['townshipOperator', 'countyOperator', 'admin'], t)
    }
  }

  const handlers: { [A in ActionName]: (ctx: Ctx, body: ActionBody<A>) => Outcome } = {
    accept: ({ t, actor, now, nowIso }, b) => ({
      patch: {
        status: 'accepted', accepted_at: nowIso, late_accept: t.late_accept || nowIso > t.accept_due_at ? 1 : 0,
        ...(actor.kind === 'person' ? { assignee_person_id: actor.person.id } : {}),
      },
      note: b.note ?? null,
      notify: (after, key) => addressing.toResidents(after, messages.accepted(after, handlerName(after, actor)), key),
      data: { late: nowIso > t.accept_due_at, at: now.toISOString() },
    }),
    note: (_ctx, b) => ({ patch: {}, note: b.note }),
    resolve: ({ t, nowIso }, b) => ({
      patch: {
        status: 'resolved', result: b.result, resolved_at: nowIso, resolved_level: t.level, late_resolve: t.late_resolve || nowIso > t.resolve_due_at ? 1 : 0,
        needs_verification: t.level === 'grid' ? 0 : 1, verified: null, rating: null, rated_at: null,
      },
      note: b.result,
      notify: (after, key) => [
        ...addressing.toResidents(after, messages.resolved(after), key, after.sensitive ? messages.resolvedPrivate(after) : null),
        ...(after.needs_verification && after.grid_code
          ? addressing.toPerson(after, people.staff('gridHead', after.grid_code), messages.needsVerify(after, addressing.where(after)), key) : []),
      ],
    }),
    escalate: ({ t, now }, b) => {
      const index = levelOrder.indexOf(t.level)
      const next = levelOrder[index + 1]
      if (!next) throw new HttpError(409, 'cannot_escalate', '已是县区层级，无法继续上报', 'action')
      if (b.department && !settings.department(b.department)) throw new HttpError(422, 'unknown_department', `部门 ${b.department} 不存在`, 'department')
      const who = assign(next, chainOf(t), t.category, people, settings, next === 'county' ? { standard: b.standard, department: b.department } : {})
      const from = levelLabels[t.level]
      return {
        patch: { status: 'reported', level: next, escalated_from: t.level, accepted_at: null, ...assignFields(who), ...dueFields(next, t, now) },
        note: b.reason,
        data: { whistle: next === 'county', standard: who.standard, unit: who.unit, assignee: who.person?.id ?? null },
        notify: (after, key) => [
          ...toAssignee((a) => messages.escalated(a, from, b.reason))(after, key),
          ...who.cc.flatMap((p) => addressing.toPerson(after, p, messages.copied(after, addressing.where(after), who.person?.name ?? '待分配'), key)),
        ],
      }
    },
    dispatch: ({ t }, b) => {
      if (t.level !== 'county' || t.assignee_unit !== CENTRE) throw new HttpError(409, 'not_at_centre', '只有在县社会治理中心待分拨的非标准事项才能分拨', 'action')
      for (const [i, code] of [b.leadDepartment, ...b.cooperatingDepartments].entries()) {
        if (!settings.department(code)) throw new HttpError(422, 'unknown_department', `部门 ${code} 不存在`, i === 0 ? 'leadDepartment' : `cooperatingDepartments.${i - 1}`)
      }
      const cooperating = b.cooperatingDepartments.filter((c) => c !== b.leadDepartment)
      const lead = people.byUnit('departmentOfficer', b.leadDepartment)
      return {
        patch: {
          status: 'reported', assignee_person_id: lead?.id ?? t.assignee_person_id, assignee_unit: b.leadDepartment,
          lead_department: b.leadDepartment, cooperating_departments: JSON.stringify(cooperating), accepted_at: null,
        },
        note: b.note ?? null,
        data: { leadDepartment: b.leadDepartment, cooperatingDepartments: cooperating },
        notify: (after, key) => [
          ...addressing.toPerson(after, lead, messages.dispatched(after, '牵头'), key),
          ...cooperating.flatMap((c) => addressing.toPerson(after, people.byUnit('departmentOfficer', c), messages.dispatched(after, '配合'), key)),
        ],
      }
    },
    return: ({ t, now }, b) => {
      if (!t.escalated_from) throw new HttpError(409, 'cannot_return', '该工单不是由下级上报的，不能退回', 'action')
      const down = t.escalated_from
      const origin = store.events(t.id)[0]?.toLevel ?? 'grid'
      const below = levelOrder.indexOf(down) > levelOrder.indexOf(origin) ? levelOrder[levelOrder.indexOf(down) - 1]! : null
      const who = assign(down, chainOf(t), t.category, people, settings)
      return {
        patch: {
          status: 'reported', level: down, escalated_from: below, accepted_at: null, return_count: t.return_count + 1,
          lead_department: null, cooperating_departments: '[]', ...assignFields(who), ...dueFields(down, t, now),
        },
        note: b.reason,
        // 评哨: a return counts against the level that escalated the ticket.
        data: { againstLevel: down },
        notify: toAssignee((a) => messages.returned(a, b.reason)),
      }
    },
    verify: ({ t, nowIso }, b) => {
      if (!t.needs_verification || t.verified !== null) throw new HttpError(409, 'no_verification_needed', `工单${t.no}无需核验或已核验`, 'action')
      if (!b.passed) {
        return { patch: { status: 'accepted', verified: 0, rating: null }, note: b.note ?? null, data: { passed: false }, notify: toAssignee((a) => messages.verifyFailed(a, b.note)) }
      }
      const close = isSatisfied(t.rating)
      return { patch: { verified: 1, ...(close ? { status: 'closed', closed_at: nowIso } : {}) }, note: b.note ?? null, data: { passed: true } }
    },
    rate: ({ t, now, nowIso }, b) => {
      if (t.rating) throw new HttpError(409, 'already_rated', `工单${t.no}已评价过`, 'rating')
      if (b.rating === 'dissatisfied') {
        const reason = b.comment ?? '群众不满意'
        return {
          patch: { ...reopenFields(t, now), rating: 'dissatisfied', rated_at: nowIso },
          note: b.comment ?? null,
          data: { rating: b.rating, reopened: true },
          notify: toAssignee((a) => messages.reopened(a, reason)),
        }
      }
      const close = !t.needs_verification || t.verified === 1
      return {
        patch: { rating: b.rating, rated_at: nowIso, ...(close ? { status: 'closed', closed_at: nowIso } : {}) },
        note: b.comment ?? ratingLabels[b.rating], data: { rating: b.rating },
      }
    },
    reopen: ({ t, now }, b) => ({
      patch: { ...reopenFields(t, now), rating: null, rated_at: null }, note: b.reason, notify: toAssignee((a) => messages.reopened(a, b.reason)),
    }),
    reject: ({ t, nowIso }, b) => {
      let main: TicketRow | null = null
      if (b.reason === 'duplicate') {
        if (b.mainTicket === undefined) throw new HttpError(422, 'main_ticket_required', '重复诉求须注明主工单', 'mainTicket')
        main = lookup(String(b.mainTicket))
        if (main.id === t.id || main.status === 'rejected' || main.status === 'cancelled') {
          throw new HttpError(422, 'invalid_main_ticket', `主工单 ${main.no} 不能作为合并对象`, 'mainTicket')
        }
      }
      return {
        patch: { status: 'rejected', reject_reason: b.reason, main_ticket_id: main?.id ?? null, closed_at: nowIso },
        note: b.note, data: { reason: b.reason, mainTicket: main?.no ?? null },
        afterwards: () => {
          if (main && t.reporter_contact_id) store.addFollower(main.id, t.reporter_contact_id, t.reporter_name, t.room_id, nowIso)
        },
        notify: (after, key) => addressing.toResidents(after, messages.rejected(after, b.reason, main?.no ?? null), key),
      }
    },
    cancel: ({ nowIso }, b) => ({
      patch: { status: 'cancelled', closed_at: nowIso }, note: b.reason ?? null, notify: toAssignee((a) => messages.cancelled(a)),
    }),
    extend: ({ t }, b) => {
      const maxDays = maxResolveDays(t.level, settings.deadlines())
      if (maxDays === null) throw new HttpError(409, 'extension_not_allowed', `${levelLabels[t.level]}层级的工单不能延期，请按时办结或上报`, 'action')
      const cap = new Date(t.level_entered_at).getTime() + maxDays * DAY_MS
      const current = new Date(t.resolve_due_at).getTime()
      if (current >= cap) throw new HttpError(409, 'extension_limit', `已达最长办理期限（${maxDays}天），不能再延期`, 'days')
      const next = new Date(Math.min(current + b.days * DAY_MS, cap)).toISOString()
      return { patch: { resolve_due_at: next, extended: 1 }, note: b.reason, data: { days: b.days, resolveBy: next } }
    },
    supplement: ({ t, actor, now }, b) => {
      // A resident adding line after line: the handler hears of the first, the rest wait in the ticket.
      const recent = store.events(t.id).some((e) => e.action === 'supplement' && now.getTime() - new Date(e.at).getTime() < SUPPLEMENT_QUIET_MS)
      return {
        patch: {}, note: b.text,
        notify: recent ? undefined : toAssignee((a) => messages.supplemented(a, actorLabel(actor).name, b.text)),
      }
    },
    transfer: ({ t, actor, now }, b) => {
      const chain = areas.chain(b.gridCode)
      if (!chain?.grid) throw new HttpError(422, 'unknown_grid', `网格编码 ${b.gridCode} 不存在`, 'gridCode')
      const grid = chain.grid.code
      const reach = (p: PersonRecord) => p.roles.some((g) => ['townshipOperator', 'countyOperator', 'admin'].includes(g.role) && [grid, chain.village?.code, chain.township?.code, chain.county.code].includes(g.areaCode))
      if (actor.kind === 'person' && !reach(actor.person)) throw new HttpError(403, 'forbidden', '只能转派到本辖区的网格', 'gridCode')
      const who = assign('grid', chain, t.category, people, settings)
      return {
        patch: {
          status: 'reported', level: 'grid', grid_code: grid, village_code: chain.village?.code ?? null, township_code: chain.township?.code ?? null,
          room_id: rooms.forArea(grid)?.id ?? t.room_id, escalated_from: null, accepted_at: null, lead_department: null, cooperating_departments: '[]',
          ...assignFields(who), ...dueFields('grid', t, now),
        },
        note: b.reason ?? null, data: { gridCode: grid },
        notify: toAssignee((a) => messages.transferred(a, addressing.where(a))),
      }
    },
  }

  const act = db.transaction(<A extends ActionName>(actor: Actor, ref: string, action: A, body: ActionBody<A>): Ticket => {
    const t = lookup(ref)
    const now = clock()
    const ctx: Ctx = { t, actor, now, nowIso: now.toISOString() }
    const rule = rules[action]
    if (!rule.from.includes(t.status)) {
      throw new HttpError(409, 'invalid_transition', `工单${t.no}当前为“${statusLabels[t.status]}”，不能${actionLabels[action]}`, 'action')
    }
    if (!allowed(rule.who, ctx)) {
      throw new HttpError(403, 'forbidden', `您无权${actionLabels[action]}工单${t.no}（不是本辖区、本层级的经办人）`, 'action')
    }
    if (body.expectedVersion !== undefined && body.expectedVersion !== t.version) {
      throw new HttpError(409, 'version_conflict', `工单${t.no}已被他人更新，请刷新后重试`, 'expectedVersion')
    }
    const out = handlers[action](ctx, body)
    if (!store.update(t.id, t.version, out.patch, ctx.nowIso)) {
      throw new HttpError(409, 'version_conflict', `工单${t.no}已被他人更新，请刷新后重试`, 'expectedVersion')
    }
    const after = store.get(t.id)!
    const label = actorLabel(actor)
    const eventId = store.addEvent({
      ticket_id: t.id, at: ctx.nowIso, action, actor_kind: label.kind, actor_id: label.id, actor_name: label.name,
      from_status: t.status, to_status: after.status, from_level: t.level, to_level: after.level, note: out.note ?? null, data: out.data ?? null,
    })
    out.afterwards?.()
    for (const d of out.notify?.(after, `e${eventId}`) ?? []) outbox.add(d, ctx.nowIso)
    return view(after, now)
  })

  /** The actions an actor may take on a ticket as it stands, by the same rules `act` enforces (the console offers only these). */
  function permitted(actor: Actor, ref: string): ActionName[] {
    const t = lookup(ref)
    const now = clock()
    const ctx: Ctx = { t, actor, now, nowIso: now.toISOString() }
    const possible: Partial<Record<ActionName, boolean>> = {
      escalate: t.level !== 'county', dispatch: t.level === 'county' && t.assignee_unit === CENTRE, return: t.escalated_from !== null,
      verify: t.needs_verification === 1 && t.verified === null, rate: t.rating === null,
    }
    return (Object.keys(rules) as ActionName[]).filter((a) => possible[a] !== false && rules[a].from.includes(t.status) && allowed(rules[a].who, ctx))
  }

  return { act, lookup, permitted }
}
