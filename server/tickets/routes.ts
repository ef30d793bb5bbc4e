import express, { Router } from 'express'
import { ActionName, actionBodies, CreateTicket, TicketQuery, type TicketDetail, type TicketPage, type TicketResult } from '../contract/index.ts'
import { actorLabel, actorOf, callerOf } from '../auth/actor.ts'
import { HttpError } from '../http/errors.ts'
import { attachmentTypes, type Attachments } from './attachments.ts'
import { canSee, scopeOf } from './permissions.ts'
import type { TicketDeps } from './deps.ts'
import type { createTicketCreator } from './create.ts'
import type { createTicketActions } from './actions.ts'

type Services = TicketDeps & {
  createTicket: ReturnType<typeof createTicketCreator>
  actions: ReturnType<typeof createTicketActions>
  attachments: Attachments
}

export function ticketRoutes(s: Services): Router {
  const r = Router()

  r.post('/tickets', (req, res) => {
    const caller = callerOf(req)
    if (caller.kind === 'hotline') throw new HttpError(403, 'forbidden', '12345 工单请通过 /api/hotline/orders 提交', null)
    const result = s.createTicket(caller, CreateTicket.parse(req.body))
    res.status(result.created ? 201 : 200).json(result)
  })

  r.get('/tickets', (req, res) => {
    const q = TicketQuery.parse(req.query)
    const now = s.clock()
    const rows = s.store.list(q, scopeOf(callerOf(req)), now.toISOString())
    const page = rows.slice(0, q.limit)
    const body: TicketPage = { items: page.map((t) => s.view(t, now)), nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null }
    res.json(body)
  })

  const visible = (req: express.Request) => {
    const t = s.actions.lookup(String(req.params.ref))
    const caller = callerOf(req)
    if (!canSee(caller, t, () => false)) throw new HttpError(404, 'ticket_not_found', `工单 ${req.params.ref} 不存在`, 'ticket')
    return t
  }

  r.get('/tickets/:ref', (req, res) => {
    const t = visible(req)
    const detail: TicketDetail = {
      ...s.view(t, s.clock()), events: s.store.events(t.id),
      followers: s.store.followers(t.id).map((f) => ({ contactId: f.contact_id, name: f.name, at: f.created_at })),
      attachments: s.attachments.list(t.id),
    }
    res.json(detail)
  })

  r.post('/tickets/:ref/attachments', express.raw({ type: attachmentTypes, limit: '10mb' }), (req, res) => {
    const t = visible(req)
    const mime = req.get('content-type')?.split(';')[0]?.trim() ?? ''
    if (!attachmentTypes.includes(mime) || !Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw new HttpError(415, 'unsupported_media_type', `只接受图片、语音或视频（${attachmentTypes.join('、')}）`, 'content-type')
    }
    const nowIso = s.clock().toISOString()
    const saved = s.db.transaction(() => {
      const out = s.attachments.add(t.id, mime, req.body as Buffer, nowIso)
      if (out.created) {
        const who = actorLabel(callerOf(req))
        s.store.addEvent({ ticket_id: t.id, at: nowIso, action: 'attach', actor_kind: who.kind, actor_id: who.id, actor_name: who.name,
          from_status: t.status, to_status: t.status, from_level: t.level, to_level: t.level, note: null, data: { attachmentId: out.attachment.id, mime } })
      }
      return out
    })()
    res.status(saved.created ? 201 : 200).json(saved.attachment)
  })

  r.get('/tickets/:ref/attachments/:id', (req, res) => {
    const t = visible(req)
    const file = s.attachments.read(t.id, Number(req.params.id))
    if (!file) throw new HttpError(404, 'not_found', '附件不存在', 'id')
    res.type(file.mime).send(file.data)
  })

  r.post('/tickets/:ref/:action', (req, res) => {
    const action = ActionName.safeParse(req.params.action)
    if (!action.success) throw new HttpError(404, 'unknown_action', `没有“${req.params.action}”这个操作`, 'action')
    const body = actionBodies[action.data].parse(req.body ?? {})
    const actor = actorOf(callerOf(req), body.onBehalfOf, s.people)
    if (actor.kind === 'bot') throw new HttpError(400, 'invalid_input', '机器人须用 onBehalfOf 注明代谁操作', 'onBehalfOf')
    const out: TicketResult = { ticket: s.actions.act(actor, String(req.params.ref), action.data, body as never) }
    res.json(out)
  })

  return r
}
