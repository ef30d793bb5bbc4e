import { Router, type Request } from 'express'
import { callerOf } from '../auth/actor.ts'
import { SetPassword, type BotHealth } from '../contract/index.ts'
import { HttpError, notFound } from '../http/errors.ts'
import { canSee } from '../tickets/permissions.ts'
import type { Services } from '../services.ts'

type Backlog = { bot_id: string; backlog: number; oldest: string | null; retrying: number; delivered: string | null }

/** What the console needs beyond the registry and ticket APIs: allowed actions, bot health, setting passwords. */
export function consoleApiRoutes(s: Services): Router {
  const r = Router()
  const backlog = s.db.prepare<[], Backlog>(`SELECT bot_id, sum(acked_at IS NULL) AS backlog, min(CASE WHEN acked_at IS NULL THEN created_at END) AS oldest,
    sum(acked_at IS NULL AND attempts > 1) AS retrying, max(acked_at) AS delivered FROM outbox GROUP BY bot_id`)

  /** An admin over every area a person serves in (the root admin over everyone) may set their password. */
  const requireAdminOver = (req: Request, areaCodes: string[]) => {
    const caller = callerOf(req)
    if (caller.kind === 'admin') return
    const county = s.areas.list().find((a) => a.kind === 'county')?.code ?? ''
    const covers = (code: string) => {
      const chain = s.areas.chain(code)
      const up = chain ? [chain.grid?.code, chain.village?.code, chain.township?.code, chain.county.code] : []
      return caller.kind === 'person' && caller.person.roles.some((g) => g.role === 'admin' && up.includes(g.areaCode))
    }
    if (!(areaCodes.length ? areaCodes : [county]).every(covers)) throw new HttpError(403, 'forbidden', '只有本辖区的管理员可以设置该人员的密码', null)
  }

  r.get('/tickets/:ref/actions', (req, res) => {
    const caller = callerOf(req)
    const t = s.actions.lookup(String(req.params.ref))
    if (!canSee(caller, t, () => false)) throw new HttpError(404, 'ticket_not_found', `工单 ${req.params.ref} 不存在`, 'ticket')
    res.json({ actions: caller.kind === 'bot' ? [] : s.actions.permitted(caller, t.no) })
  })

  r.get('/bots/health', (req, res) => {
    if (callerOf(req).kind === 'hotline') throw new HttpError(403, 'forbidden', '热线接口账号不能查看机器人状态', null)
    const queues = new Map(backlog.all().map((b) => [b.bot_id, b]))
    const rooms = s.rooms.list()
    const bots: BotHealth[] = s.bots.list().map((b) => {
      const q = queues.get(b.id)
      const mine = rooms.filter((x) => x.botId === b.id)
      return {
        ...b, backlog: q?.backlog ?? 0, oldestPendingAt: q?.oldest ?? null, retrying: q?.retrying ?? 0, lastDeliveredAt: q?.delivered ?? null,
        rooms: mine.length, unboundRooms: mine.filter((x) => !x.areaCode).length,
      }
    })
    res.json({ bots, now: s.clock().toISOString() })
  })

  r.put('/people/:id/password', (req, res) => {
    const person = s.people.get(String(req.params.id))
    if (!person) throw notFound(`人员 ${req.params.id}`, 'id')
    const { password } = SetPassword.parse(req.body)
    requireAdminOver(req, person.roles.map((g) => g.areaCode))
    s.sessions.setPassword(person.id, password)
    res.json({ ok: true })
  })
  return r
}
