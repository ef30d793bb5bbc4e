import { Router } from 'express'
import { HotlineOrder, statusLabels, type HotlineStatus } from '../contract/index.ts'
import { callerOf } from '../auth/actor.ts'
import { HttpError } from '../http/errors.ts'
import type { TicketStore } from '../tickets/store.ts'
import type { createTicketCreator } from '../tickets/create.ts'

/**
 * 12345 linkage (seed 000, 6.1.4.1): the hotline hands an order down, it is routed to a grid by its address and
 * follows the same loop; the hotline reads the status and result back by its own order id.
 */
export function hotlineRoutes(createTicket: ReturnType<typeof createTicketCreator>, store: TicketStore): Router {
  const r = Router()
  const hotlineOnly = (req: Parameters<typeof callerOf>[0]) => {
    const caller = callerOf(req)
    if (caller.kind !== 'hotline' && caller.kind !== 'admin') throw new HttpError(403, 'forbidden', '只有 12345 热线接口账号可以使用', 'authorization')
    return caller
  }

  r.post('/hotline/orders', (req, res) => {
    const caller = hotlineOnly(req)
    const order = HotlineOrder.parse(req.body)
    const result = createTicket(caller, {
      clientKey: `hotline:${order.externalId}`, intent: 'appeal', category: order.category ?? 'other', text: order.text, place: order.place,
      phone: order.phone, people: [], sensitive: false, urgent: order.urgent, reporter: { name: order.callerName ?? '12345来电群众' },
      linkDuplicates: false,
    }, { externalId: order.externalId })
    res.status(result.created ? 201 : 200).json(result)
  })

  r.get('/hotline/orders/:externalId', (req, res) => {
    hotlineOnly(req)
    const t = store.byExternalId(String(req.params.externalId))
    if (!t) throw new HttpError(404, 'order_not_found', `热线工单 ${req.params.externalId} 不存在`, 'externalId')
    const body: HotlineStatus = {
      externalId: t.external_id!, ticketNo: t.no, status: t.status, statusLabel: statusLabels[t.status], gridCode: t.grid_code,
      result: t.result, rating: t.rating, updatedAt: t.updated_at,
      history: store.events(t.id).map((e) => ({ at: e.at, action: e.action, note: e.note })),
    }
    res.json(body)
  })
  return r
}
