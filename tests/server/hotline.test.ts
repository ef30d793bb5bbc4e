import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, T, type TestServer } from '../helpers/server.ts'

let s: TestServer
beforeAll(async () => { s = await startTestServer() })
afterAll(async () => { await s.close() })

const order = (over: Record<string, unknown> = {}) => ({ externalId: `12345-${Math.random().toString(36).slice(2)}`, text: '来电反映：柳树村老槐树附近路灯不亮已一周', phone: '13912345678', ...over })

describe('12345 linkage', () => {
  it('routes an order to a grid by its address and files it into the same loop', async () => {
    const r = await s.call(T.hotline, 'POST', '/api/hotline/orders', order({ place: '柳河镇柳树村老槐树', category: 'infrastructure' }))
    expect(r.status).toBe(201)
    expect(r.body.ticket).toMatchObject({ source: 'hotline', gridCode: 'HS010101', level: 'grid', assignee: { personId: 'p-wangqiang' }, reporter: { name: '12345来电群众' } })
  })

  it('is idempotent on the hotline\'s own order id', async () => {
    const o = order({ place: '杏花村' })
    const a = await s.call(T.hotline, 'POST', '/api/hotline/orders', o)
    const b = await s.call(T.hotline, 'POST', '/api/hotline/orders', o)
    expect(b.status).toBe(200)
    expect(b.body.ticket.no).toBe(a.body.ticket.no)
  })

  it('gives the status and result back by order id', async () => {
    const o = order({ place: '柳树村老槐树' })
    const t = (await s.call(T.hotline, 'POST', '/api/hotline/orders', o)).body.ticket
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/accept`, {})
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/resolve`, { result: '已更换路灯并回访来电人' })
    const back = await s.call(T.hotline, 'GET', `/api/hotline/orders/${o.externalId}`)
    expect(back.body).toMatchObject({ externalId: o.externalId, ticketNo: t.no, status: 'resolved', statusLabel: '已办结（待核验/评价）', result: '已更换路灯并回访来电人' })
    expect(back.body.history.map((h: { action: string }) => h.action)).toEqual(['create', 'accept', 'resolve'])
    expect((await s.call(T.hotline, 'GET', '/api/hotline/orders/none')).status).toBe(404)
  })

  it('an address it cannot place goes to the county centre, which can send it to a grid', async () => {
    const t = (await s.call(T.hotline, 'POST', '/api/hotline/orders', order({ text: '反映某地噪音扰民', place: '不详' }))).body.ticket
    expect(t).toMatchObject({ level: 'county', gridCode: null, assignee: { personId: 'p-sunlihua' } })
    const moved = await s.call(T.sunlihua, 'POST', `/api/tickets/${t.id}/transfer`, { gridCode: 'HS020101', reason: '核实为杏花村' })
    expect(moved.body.ticket).toMatchObject({ level: 'grid', gridCode: 'HS020101', villageCode: 'HS0201', status: 'reported' })
  })

  it('a township operator cannot send work into another township', async () => {
    const t = (await s.call(T.hotline, 'POST', '/api/hotline/orders', order({ text: '柳河镇街上有人占道经营', place: '柳河镇' }))).body.ticket
    expect(t.level).toBe('township')
    const r = await s.call(T.songjiayi, 'POST', `/api/tickets/${t.id}/transfer`, { gridCode: 'HS020101' })
    expect(r.status).toBe(403)
  })

  it('refuses bad orders with the field at fault, and other callers', async () => {
    const bad = await s.call(T.hotline, 'POST', '/api/hotline/orders', { externalId: 'x1', text: '' })
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'text' })
    expect((await s.call(T.bot, 'POST', '/api/hotline/orders', order())).status).toBe(403)
    expect((await s.call(T.hotline, 'GET', '/api/people')).status).toBe(403)
  })
})
