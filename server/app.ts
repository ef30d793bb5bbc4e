import express, { type Express, type RequestHandler } from 'express'
import { createGroupCommit, type GroupCommit } from './db/group-commit.ts'
import { z } from 'zod'
import { authenticate } from './auth/actor.ts'
import { consoleApiRoutes } from './console/api.ts'
import { consoleRoutes, type CookieSecure } from './console/routes.ts'
import { errorHandler, HttpError } from './http/errors.ts'
import { feedbackRoutes } from './feedback/routes.ts'
import { hotlineRoutes } from './hotline/routes.ts'
import { knowledgeRoutes } from './knowledge/routes.ts'
import { metricsRoutes } from './metrics/routes.ts'
import { noticeRoutes } from './notices/routes.ts'
import { outboxRoutes } from './outbox/routes.ts'
import { registryRoutes } from './registry/routes.ts'
import type { Services } from './services.ts'
import type { Simulator } from './contract/index.ts'
import { simulatorRoutes } from './simulator/routes.ts'
import { ticketRoutes } from './tickets/routes.ts'

export type AppOptions = { bodyLimit: string; simulator?: () => Simulator | null; cookieSecure?: CookieSecure }

export function createApp(s: Services, opts: AppOptions): Express {
  z.config(z.locales.zhCN())
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false) // API answers change with every write; hashing each body buys nothing
  app.set('query parser', 'extended')

  app.get('/healthz', (_req, res) => {
    s.db.prepare('SELECT 1').get()
    res.json({ ok: true, time: s.clock().toISOString() })
  })

  app.use(simulatorRoutes(opts.simulator ?? (() => null)))
  app.use(consoleRoutes(s, opts.cookieSecure))

  const api = express.Router()
  api.use(express.json({ limit: opts.bodyLimit }))
  api.use(durableAnswers(createGroupCommit(s.db), s.log))
  api.use(authenticate(s.tokens, s.people, s.bots, s.sessions))
  api.use(ticketRoutes(s))
  api.use(outboxRoutes(s.outbox, s.clock))
  api.use(hotlineRoutes(s.createTicket, s.store))
  api.use(registryRoutes(s))
  api.use(feedbackRoutes(s.db, s.rooms, s.clock))
  api.use(metricsRoutes(s))
  api.use(consoleApiRoutes(s))
  api.use(noticeRoutes(s.notices, s.clock))
  api.use(knowledgeRoutes({ knowledge: s.knowledge, ask: s.askPolicy, faq: s.faq, people: s.people, clock: s.clock, region: s.knowledgeRegion }))
  api.use((req) => { throw new HttpError(404, 'not_found', `没有这个接口：${req.method} ${req.path}`, null) })
  app.use('/api', api)

  app.use(errorHandler(s.log))
  return app
}

/** Every API answer leaves only after the writes made while handling it are committed (see group-commit.ts). */
function durableAnswers(group: GroupCommit, log: Services['log']): RequestHandler {
  return (_req, res, next) => {
    group.join()
    const send = res.send.bind(res)
    res.send = (body?: unknown) => {
      group.settled().then(() => send(body), (err: unknown) => {
        log.error({ err }, 'commit failed')
        res.status(500).type('json')
        send(JSON.stringify({ error: { code: 'internal', message: '保存失败，请稍后再试', field: null } }))
      })
      return res
    }
    next()
  }
}
