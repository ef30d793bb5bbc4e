import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appeal, asResident, startTestServer, T, type TestServer } from '../helpers/server.ts'

// Every action against every status, through the real API. The expected answers are written out here,
// not read from the rules module, so a change to the rules shows up as a failing row.

type Status = 'reported' | 'accepted' | 'resolved' | 'closed' | 'rejected' | 'cancelled'
const statuses: Status[] = ['reported', 'accepted', 'resolved', 'closed', 'rejected', 'cancelled']

const actions: Record<string, { token: string; body: Record<string, unknown>; allowedFrom: Status[]; to: Status | 'same' }> = {
  accept: { token: T.wangqiang, body: { note: '马上去看' }, allowedFrom: ['reported'], to: 'accepted' },
  note: { token: T.wangqiang, body: { note: '已联系电工' }, allowedFrom: ['reported', 'accepted'], to: 'same' },
  resolve: { token: T.wangqiang, body: { result: '换了新灯泡' }, allowedFrom: ['accepted'], to: 'resolved' },
  escalate: { token: T.wangqiang, body: { reason: '需要村里出钱换线路' }, allowedFrom: ['reported', 'accepted'], to: 'reported' },
  reject: { token: T.wangqiang, body: { reason: 'invalid', note: '测试消息' }, allowedFrom: ['reported', 'accepted'], to: 'rejected' },
  transfer: { token: T.admin, body: { gridCode: 'HS010102', reason: '属于二网格' }, allowedFrom: ['reported', 'accepted'], to: 'reported' },
  rate: { token: T.bot, body: { rating: 'satisfied', ...asResident() }, allowedFrom: ['resolved'], to: 'closed' },
  reopen: { token: T.bot, body: { reason: '灯又不亮了', ...asResident() }, allowedFrom: ['resolved', 'closed'], to: 'accepted' },
  cancel: { token: T.bot, body: { reason: '自己修好了', ...asResident() }, allowedFrom: ['reported', 'accepted'], to: 'cancelled' },
  supplement: { token: T.bot, body: { text: '灯杆也歪了', ...asResident() }, allowedFrom: ['reported', 'accepted'], to: 'same' },
}

let s: TestServer
beforeAll(async () => { s = await startTestServer() })
afterAll(async () => { await s.close() })

/** Brings a fresh ticket to a status by the real actions a person would take. */
async function ticketIn(status: Status): Promise<number> {
  const created = await s.call(T.bot, 'POST', '/api/tickets', appeal())
  expect(created.status).toBe(201)
  const id: number = created.body.ticket.id
  const step = async (token: string, action: string, body: Record<string, unknown>) => {
    const r = await s.call(token, 'POST', `/api/tickets/${id}/${action}`, body)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
  }
  if (status === 'rejected') await step(T.wangqiang, 'reject', { reason: 'invalid', note: '误报' })
  if (status === 'cancelled') await step(T.bot, 'cancel', asResident())
  if (['accepted', 'resolved', 'closed'].includes(status)) await step(T.wangqiang, 'accept', {})
  if (['resolved', 'closed'].includes(status)) await step(T.wangqiang, 'resolve', { result: '已修好' })
  if (status === 'closed') await step(T.bot, 'rate', { rating: 'basicallySatisfied', ...asResident() })
  return id
}

const cases = Object.entries(actions).flatMap(([action, spec]) => statuses.map((from) => ({ action, from, spec, allowed: spec.allowedFrom.includes(from) })))

describe('every transition, allowed and refused', () => {
  it.each(cases)('$action from $from → allowed: $allowed', async ({ action, from, spec, allowed }) => {
    const id = await ticketIn(from)
    const before = await s.call(T.admin, 'GET', `/api/tickets/${id}`)
    expect(before.body.status).toBe(from)
    const outboxBefore = s.services.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }

    const r = await s.call(spec.token, 'POST', `/api/tickets/${id}/${action}`, spec.body)
    const after = await s.call(T.admin, 'GET', `/api/tickets/${id}`)
    if (allowed) {
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      expect(after.body.status).toBe(spec.to === 'same' ? from : spec.to)
      expect(after.body.version).toBe(before.body.version + 1)
      const last = after.body.events.at(-1)
      expect(last).toMatchObject({ action, fromStatus: from, toStatus: after.body.status })
    } else {
      expect(r.status).toBe(409)
      expect(r.body.error.code).toBe('invalid_transition')
      expect(r.body.error.message).toMatch(/当前为“.+”，不能/)
      // A refusal changes nothing: same version, same events, nothing queued to say.
      expect(after.body.version).toBe(before.body.version)
      expect(after.body.events).toHaveLength(before.body.events.length)
      const outboxAfter = s.services.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }
      expect(outboxAfter.n).toBe(outboxBefore.n)
    }
  })
})
