import { Router } from 'express'
import { AckOutbox, OutboxQuery } from '../contract/index.ts'
import { callerOf } from '../auth/actor.ts'
import { HttpError } from '../http/errors.ts'
import type { Outbox } from './store.ts'

/** Bots pull what they must say, then acknowledge it; a message not acknowledged within its lease is handed out again. */
export function outboxRoutes(outbox: Outbox, clock: () => Date): Router {
  const r = Router()
  const botOf = (req: Parameters<typeof callerOf>[0]) => {
    const caller = callerOf(req)
    if (caller.kind !== 'bot') throw new HttpError(403, 'forbidden', '只有机器人账号可以拉取发件箱', 'authorization')
    return caller.bot.id
  }
  r.get('/outbox', (req, res) => {
    const botId = botOf(req)
    const q = OutboxQuery.parse(req.query)
    res.json({ messages: outbox.lease(botId, q.limit, q.leaseSeconds, clock()) })
  })
  r.post('/outbox/ack', (req, res) => {
    const botId = botOf(req)
    const { ids } = AckOutbox.parse(req.body)
    res.json({ acked: outbox.ack(botId, ids, clock().toISOString()) })
  })
  return r
}
