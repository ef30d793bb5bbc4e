import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appeal, asResident, startTestServer, T, type TestServer } from '../helpers/server.ts'

let s: TestServer
beforeAll(async () => { s = await startTestServer() })
afterAll(async () => { await s.close() })

const pull = async (query = '') => (await s.call(T.bot, 'GET', `/api/outbox${query}`)).body.messages as Array<{ id: number; kind: string; text: string; room: { topic: string; wechatRoomId: string } | null; to: { name: string } | null; mention: Array<{ name: string }>; attempts: number }>
const ackAll = async () => {
  for (let batch = await pull('?limit=200'); batch.length; batch = await pull('?limit=200')) {
    await s.call(T.bot, 'POST', '/api/outbox/ack', { ids: batch.map((m) => m.id) })
  }
}

describe('the outbox', () => {
  it('tells the resident in their group with an @ when accepted, and on resolve asks for a rating', async () => {
    await ackAll()
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal({ room: { wechatRoomId: 'liushu-1@chatroom' }, gridCode: undefined }))).body.ticket
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/accept`, {})
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/resolve`, { result: '电工已换新灯' })
    const messages = await pull('?limit=50')
    const inRoom = messages.filter((m) => m.kind === 'room')
    expect(inRoom.map((m) => m.room?.topic)).toEqual(['柳树村一网格群', '柳树村一网格群'])
    expect(inRoom[0]!.text).toMatch(new RegExp(`^您反映的.*工单${t.no}）已由网格员王强受理`))
    expect(inRoom[1]!.text).toContain(`工单${t.no}已办结：电工已换新灯`)
    expect(inRoom[1]!.text).toContain('满意')
    expect(inRoom.every((m) => m.mention[0]?.name === '李阿姨')).toBe(true)
    await s.call(T.bot, 'POST', '/api/outbox/ack', { ids: messages.map((m) => m.id) })
  })

  it('hides leased messages, hands them out again when the lease runs out, and acks idempotently', async () => {
    await ackAll()
    await s.call(T.bot, 'POST', '/api/tickets', appeal())
    const first = await pull('?leaseSeconds=30')
    expect(first.length).toBeGreaterThan(0)
    expect(await pull()).toHaveLength(0) // leased
    s.clock.advance(31_000)
    const again = await pull()
    expect(again.map((m) => m.id)).toEqual(first.map((m) => m.id)) // at-least-once
    expect(again[0]!.attempts).toBe(2)
    const ids = again.map((m) => m.id)
    expect((await s.call(T.bot, 'POST', '/api/outbox/ack', { ids })).body.acked).toBe(ids.length)
    expect((await s.call(T.bot, 'POST', '/api/outbox/ack', { ids })).body.acked).toBe(0)
    s.clock.advance(120_000)
    expect(await pull()).toHaveLength(0)
  })

  it('serves emergencies before older ordinary messages', async () => {
    await ackAll()
    await s.call(T.bot, 'POST', '/api/tickets', appeal())
    await s.call(T.bot, 'POST', '/api/tickets', appeal({ intent: 'emergency', category: 'safety', text: '塘里有小孩落水了快来人' }))
    const batch = await pull('?limit=2')
    expect(batch.every((m) => m.text.startsWith('【紧急'))).toBe(true)
    await s.call(T.bot, 'POST', '/api/outbox/ack', { ids: batch.map((m) => m.id) })
  })

  it('is only for bots, and a bot acks only its own messages', async () => {
    expect((await s.call(T.wangqiang, 'GET', '/api/outbox')).status).toBe(403)
    await s.call(T.admin, 'POST', '/api/bots', { id: 'other-bot', name: '小格' })
    const issued = await s.call(T.admin, 'POST', '/api/bots/other-bot/tokens', {})
    await s.call(T.bot, 'POST', '/api/tickets', appeal())
    const mine = await pull()
    const foreign = await s.call(issued.body.token, 'POST', '/api/outbox/ack', { ids: mine.map((m) => m.id) })
    expect(foreign.body.acked).toBe(0)
    expect((await s.call(issued.body.token, 'GET', '/api/outbox')).body.messages).toHaveLength(0)
  })

  it('a private appeal (no group) gets its answers privately', async () => {
    await ackAll()
    const t = (await s.call(T.wangqiang, 'POST', '/api/tickets', appeal({ reporter: { name: '赵婶', contactId: 'wxid_res_zhaoshen' } }))).body.ticket
    expect(t.source).toBe('staff')
    s.services.db.prepare('UPDATE tickets SET room_id = NULL WHERE id = ?').run(t.id)
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/accept`, {})
    const told = (await pull('?limit=50')).filter((m) => m.to?.name === '赵婶')
    expect(told).toHaveLength(1)
    expect(told[0]!.kind).toBe('private')
    await s.call(T.bot, 'POST', `/api/tickets/${t.id}/cancel`, asResident('wxid_res_zhaoshen', '赵婶'))
  })
})
