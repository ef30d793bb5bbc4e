import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startServerWithBot, stopServerWithBot, type TestBot } from '../helpers/bot.ts'
import { T, type TestServer } from '../helpers/server.ts'

// A scheduled notice end to end: the API, the jobs at the injected clock's time, the outbox, the real bot on the
// mock WeChat, and the acknowledgement back as the delivery record.

let s: TestServer
let b: TestBot
beforeAll(async () => { ({ server: s, bot: b } = await startServerWithBot()) })
afterAll(() => stopServerWithBot({ server: s, bot: b }))

const heard = (room: string, text: string) => b.world.transcript().filter((m) => m.fromBot && m.room === room && m.text === text)

describe('a scheduled notice reaches the groups when the clock reaches it', () => {
  it('主题党日 on the 4th at 18:00: nothing before, each group once at its turn, delivery recorded', async () => {
    const r = await s.call(T.lichanghe, 'POST', '/api/notices', {
      title: '主题党日', text: '本月4日晚7点在村委会开展主题党日活动，请党员准时参加。', schedule: '0 18 4 * *',
      target: { kind: 'areas', areas: ['HS010101', 'HS010102'] },
    })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    const text = '【通知】主题党日\n本月4日晚7点在村委会开展主题党日活动，请党员准时参加。'

    s.clock.set('2026-12-04T09:59:00Z')
    s.services.jobs.runDue(s.clock.now())
    expect(s.services.db.prepare("SELECT count(*) AS n FROM outbox WHERE dedupe_key LIKE 'notice:%'").get()).toEqual({ n: 0 })
    s.clock.set('2026-12-04T10:00:00Z')
    s.services.jobs.runDue(s.clock.now())
    s.services.jobs.runDue(s.clock.now())

    await vi.waitFor(() => expect(heard('柳树村一网格群', text)).toHaveLength(1), { timeout: 10_000, interval: 50 })
    const delivery = async () => (await s.call(T.lichanghe, 'GET', `/api/notices/${r.body.id}`)).body.runs[0].deliveries as Array<{ topic: string; status: string }>
    await vi.waitFor(async () => expect((await delivery()).map((d) => [d.topic, d.status])).toEqual([['柳树村一网格群', 'sent'], ['柳树村二网格群', 'queued']]), { timeout: 10_000, interval: 50 })
    expect(heard('柳树村二网格群', text)).toHaveLength(0)

    s.clock.advance(20_000) // the next group's turn
    await vi.waitFor(() => expect(heard('柳树村二网格群', text)).toHaveLength(1), { timeout: 10_000, interval: 50 })
    await vi.waitFor(async () => expect((await delivery()).every((d) => d.status === 'sent')).toBe(true), { timeout: 10_000, interval: 50 })

    s.services.jobs.runDue(s.clock.now())
    expect(heard('柳树村一网格群', text)).toHaveLength(1)
    expect(b.world.transcript().filter((m) => m.fromBot && m.text === text)).toHaveLength(2)
  })
})
