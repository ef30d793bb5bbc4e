import express, { Router } from 'express'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SimSay, type Simulator } from '../contract/index.ts'
import { HttpError } from '../http/errors.ts'

/**
 * The village-group simulator of the demo: a page, and the API the page and the tests use. It drives the real
 * bot through the mock WeChat; without an embedded bot it says so.
 */
export function simulatorRoutes(current: () => Simulator | null): Router {
  const page = readFileSync(join(import.meta.dirname, 'page.html'), 'utf8')
  const r = Router()
  const sim = () => {
    const s = current()
    if (!s) throw new HttpError(503, 'simulator_off', '模拟器未启用：请用 npm start（内置机器人）启动演示', null)
    return s
  }
  r.get('/simulator', (_req, res) => { res.type('html').send(page) })
  r.get('/api/simulator/rooms', (_req, res) => { res.json({ rooms: sim().rooms() }) })
  r.get('/api/simulator/transcript', (_req, res) => { res.json({ messages: sim().transcript() }) })
  r.post('/api/simulator/messages', express.json({ limit: '16kb' }), async (req, res) => {
    const out = await sim().say(SimSay.parse(req.body))
    if (!out.ok) throw new HttpError(422, 'unknown_' + out.field, out.message, out.field)
    res.json({ replies: out.replies })
  })
  return r
}
