import express, { type Express } from 'express'
import { z } from 'zod'
import { authenticate } from './auth/actor.ts'
import { errorHandler, HttpError } from './http/errors.ts'
import { hotlineRoutes } from './hotline/routes.ts'
import { outboxRoutes } from './outbox/routes.ts'
import { registryRoutes } from './registry/routes.ts'
import type { Services } from './services.ts'
import { ticketRoutes } from './tickets/routes.ts'

export type AppOptions = { bodyLimit: string }

export function createApp(s: Services, opts: AppOptions): Express {
  z.config(z.locales.zhCN())
  const app = express()
  app.disable('x-powered-by')
  app.set('query parser', 'extended')

  app.get('/healthz', (_req, res) => {
    s.db.prepare('SELECT 1').get()
    res.json({ ok: true, time: s.clock().toISOString() })
  })

  const api = express.Router()
  api.use(express.json({ limit: opts.bodyLimit }))
  api.use(authenticate(s.tokens, s.people, s.bots))
  api.use(ticketRoutes(s))
  api.use(outboxRoutes(s.outbox, s.clock))
  api.use(hotlineRoutes(s.createTicket, s.store))
  api.use(registryRoutes(s))
  api.use((req) => { throw new HttpError(404, 'not_found', `没有这个接口：${req.method} ${req.path}`, null) })
  app.use('/api', api)

  app.use(errorHandler(s.log))
  return app
}
