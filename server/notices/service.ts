import type { Caller } from '../auth/actor.ts'
import { CreateNotice, type Notice, type NoticeDelivery, type Role } from '../contract/index.ts'
import type { Db } from '../db/open.ts'
import { HttpError } from '../http/errors.ts'
import type { Logger } from '../log.ts'
import { PRIORITY, type Outbox } from '../outbox/store.ts'
import type { Areas } from '../registry/areas.ts'
import type { Bots } from '../registry/bots.ts'
import type { Rooms } from '../registry/rooms.ts'
import { previewOf } from './preview.ts'
import { beijing, latestBetween, nextRuns, parseSchedule, type Schedule } from './schedule.ts'
import type { NoticeRow, NoticeStore } from './store.ts'

/** Who may send notices down the line, each within the area of the role: county, township, village or community. */
const SENDER_ROLES: readonly Role[] = [
  'countyOperator', 'townshipOperator', 'admin', 'villageSecretary', 'villageDiscipline', 'villagePublicity', 'villageSecurity',
  'villageEnvironment', 'villageProperty', 'villageGridAffairs',
]
/** Between two groups of one bot account: a notice to thirty groups takes ten minutes, not one burst. */
export const NOTICE_SPACING_MS = 20_000
/** A missed occurrence (the server was down) is still sent if the server is back within this time. */
const CATCH_UP_MS = 24 * 3600_000
/** A message the bot has been handed this many times without saying it counts as failed. */
const FAILED_AFTER_ATTEMPTS = 3
const RUNS_SHOWN = 5

type Deps = { db: Db; store: NoticeStore; areas: Areas; rooms: Rooms; bots: Bots; outbox: Outbox; log: Logger }
/** Everything the caller may reach: 'everywhere' for the root admin, else area codes (empty: may not send). */
type Reach = 'everywhere' | string[]

export function createNotices({ db, store, areas, rooms, bots, outbox, log }: Deps) {
  const reachOf = (caller: Caller): Reach => {
    if (caller.kind === 'admin') return 'everywhere'
    if (caller.kind !== 'person') return []
    return [...new Set(caller.person.roles.filter((g) => SENDER_ROLES.includes(g.role)).map((g) => g.areaCode))]
  }
  /** Whether `code` is `top` or lies below it. */
  const under = (code: string, top: string) => {
    const c = areas.chain(code)
    return !!c && [c.grid?.code, c.village?.code, c.township?.code, c.county.code].includes(top)
  }
  const reaches = (reach: Reach, code: string) => reach === 'everywhere' || reach.some((top) => under(code, top))
  const roomsIn = (codes: string[]) => rooms.list().filter((r) => r.areaCode && codes.some((c) => under(r.areaCode!, c)))
  const scheduleOf = (row: NoticeRow): Schedule | null => {
    const p = row.schedule ? parseSchedule(row.schedule) : null
    return p?.ok ? p.schedule : null
  }
  const messageOf = (row: NoticeRow) => `【通知】${row.title}\n${row.text}`

  /** One run of a notice: an outbox message per bound group, spaced out per bot. Once per occurrence. */
  function send(row: NoticeRow, dueAt: Date, now: Date): number | null {
    const nowIso = now.toISOString()
    const runId = store.addRun(row.id, dueAt.toISOString(), nowIso)
    if (runId === null) return null
    const nextSlot = new Map<string, number>()
    for (const room of roomsIn(JSON.parse(row.areas) as string[])) {
      const botId = room.botId ?? bots.fallback()?.id ?? null
      if (!botId || !room.wechatRoomId) {
        store.addDelivery(runId, room.id, null, botId ? '该群尚未关联微信群' : '没有可用的机器人账号')
        continue
      }
      if (!nextSlot.has(botId)) {
        const waiting = store.lastWaiting(botId, nowIso)
        nextSlot.set(botId, waiting ? new Date(waiting).getTime() + NOTICE_SPACING_MS : now.getTime())
      }
      const at = nextSlot.get(botId)!
      nextSlot.set(botId, at + NOTICE_SPACING_MS)
      const dedupeKey = `notice:${row.id}:${runId}:r:${room.id}`
      outbox.add({
        botId, kind: 'room', roomId: room.id, personId: null, contactId: null, toName: null, mention: [], text: messageOf(row),
        priority: PRIORITY.notice, ticketId: null, dedupeKey, notBefore: new Date(at).toISOString(),
      }, nowIso)
      store.addDelivery(runId, room.id, dedupeKey, null)
    }
    log.info({ noticeId: row.id, runId, dueAt: dueAt.toISOString() }, 'notice queued')
    return runId
  }

  const deliveryOf = (d: ReturnType<NoticeStore['deliveries']>[number]): NoticeDelivery => ({
    roomId: d.room_id, topic: d.topic, areaName: d.area_code ? (areas.get(d.area_code)?.name ?? d.area_code) : null,
    status: d.problem ? 'failed' : d.acked_at ? 'sent' : (d.attempts ?? 0) >= FAILED_AFTER_ATTEMPTS ? 'failed' : 'queued',
    notBefore: d.not_before, sentAt: d.acked_at, attempts: d.attempts ?? 0, problem: d.problem ?? (d.acked_at ? null : (d.attempts ?? 0) >= FAILED_AFTER_ATTEMPTS ? '多次发送未成功，机器人仍在重试' : null),
  })

  function view(row: NoticeRow, now: Date): Notice {
    const codes = JSON.parse(row.areas) as string[]
    const s = scheduleOf(row)
    return {
      id: row.id, title: row.title, text: row.text,
      target: row.target_kind === 'all' ? { kind: 'all' } : { kind: 'areas', areas: codes },
      areas: codes.map((code) => ({ code, name: areas.get(code)?.name ?? code })),
      schedule: row.schedule, schedulePreview: s ? previewOf(s) : null,
      nextRunAt: s && row.status === 'scheduled' ? (nextRuns(s, now, 1)[0]?.toISOString() ?? null) : null,
      status: row.status, author: { kind: row.author_kind, id: row.author_id, name: row.author_name },
      createdAt: row.created_at, cancelledAt: row.cancelled_at,
      runs: store.runs(row.id, RUNS_SHOWN).map((r) => ({ id: r.id, dueAt: r.due_at, runAt: r.run_at, deliveries: store.deliveries(r.id).map(deliveryOf) })),
    }
  }

  const visible = (caller: Caller, row: NoticeRow) => {
    const reach = reachOf(caller)
    if (reach === 'everywhere') return true
    if (caller.kind === 'person' && row.author_id === caller.person.id) return true
    return (JSON.parse(row.areas) as string[]).some((code) => reaches(reach, code))
  }
  const found = (caller: Caller, id: number) => {
    const row = store.get(id)
    if (!row || !visible(caller, row)) throw new HttpError(404, 'notice_not_found', `通知 ${id} 不存在`, 'id')
    return row
  }

  return {
    /** Checks an expression and says it in Chinese, with the next three times. */
    preview(expression: string, now: Date) {
      const p = parseSchedule(expression)
      if (!p.ok) throw new HttpError(400, 'invalid_schedule', p.message, 'schedule')
      return { schedule: p.schedule.expression, preview: previewOf(p.schedule), next: nextRuns(p.schedule, now, 3).map(beijing) }
    },

    create(caller: Caller, input: unknown, now: Date): Notice {
      const body = CreateNotice.parse(input)
      const parsed = body.schedule ? parseSchedule(body.schedule) : null
      if (parsed && !parsed.ok) throw new HttpError(400, 'invalid_schedule', parsed.message, 'schedule')
      const reach = reachOf(caller)
      if (reach !== 'everywhere' && !reach.length) throw new HttpError(403, 'forbidden', '只有县、乡镇、村（社区）的管理人员可以发通知', null)
      let codes: string[]
      if (body.target.kind === 'all') {
        codes = reach === 'everywhere' ? areas.list().filter((a) => a.kind === 'county').map((a) => a.code) : reach
      } else {
        codes = [...new Set(body.target.areas)]
        body.target.areas.forEach((code, i) => {
          if (!areas.get(code)) throw new HttpError(422, 'unknown_area', `区域 ${code} 不存在`, `target.areas.${i}`)
          if (!reaches(reach, code)) throw new HttpError(403, 'forbidden', `${areas.get(code)!.name}不在您的管辖范围内，不能向其发通知`, `target.areas.${i}`)
        })
      }
      if (!roomsIn(codes).length) throw new HttpError(422, 'no_rooms', '所选范围内还没有绑定的微信群', 'target')
      const author = caller.kind === 'person' ? { kind: 'person', id: caller.person.id, name: caller.person.name } : { kind: caller.kind, id: null, name: '系统管理员' }
      const row = db.transaction(() => {
        const id = store.insert({
          title: body.title, text: body.text, target_kind: body.target.kind, areas: JSON.stringify(codes),
          schedule: parsed?.ok ? parsed.schedule.expression : null, status: parsed ? 'scheduled' : 'sent',
          author_kind: author.kind, author_id: author.id, author_name: author.name, created_at: now.toISOString(),
        })
        const created = store.get(id)!
        if (!parsed) send(created, now, now)
        return created
      })()
      log.info({ noticeId: row.id, schedule: row.schedule, areas: codes }, 'notice created')
      return view(row, now)
    },

    list: (caller: Caller, now: Date): Notice[] => store.list().filter((r) => visible(caller, r)).map((r) => view(r, now)),
    get: (caller: Caller, id: number, now: Date): Notice => view(found(caller, id), now),

    cancel(caller: Caller, id: number, now: Date): Notice {
      const row = found(caller, id)
      const reach = reachOf(caller)
      const mine = caller.kind === 'person' && row.author_id === caller.person.id
      if (!mine && !(JSON.parse(row.areas) as string[]).every((code) => reaches(reach, code))) {
        throw new HttpError(403, 'forbidden', '只有发布人或其上级可以停止这条通知', 'id')
      }
      if (row.status !== 'scheduled') throw new HttpError(409, 'not_scheduled', '这条通知不是定时通知，或已经停止', 'id')
      store.setStatus(id, 'cancelled', now.toISOString())
      return view(store.get(id)!, now)
    },

    /** Sends each scheduled notice whose latest occurrence up to `now` has not run yet (once, even after downtime). */
    runDue(now: Date): number {
      let sent = 0
      for (const row of store.scheduled()) {
        const s = scheduleOf(row)
        if (!s) continue
        const last = store.lastRun(row.id)
        const after = new Date(Math.max(new Date(row.created_at).getTime(), last ? new Date(last.due_at).getTime() : 0))
        const due = latestBetween(s, after, now, CATCH_UP_MS)
        if (due && db.transaction(() => send(row, due, now))() !== null) sent++
      }
      return sent
    },
  }
}
export type Notices = ReturnType<typeof createNotices>
