import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { appeal, startTestServer, T, testClock, type TestServer } from '../helpers/server.ts'

// The scheduled jobs with an injected clock: every run is runDue(now), so a week passes in a line.
// The clock starts on Monday 2026-11-23 09:00 Beijing (01:00Z).

let s: TestServer
let dir: string
const clock = testClock()
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wf-jobs-'))
  s = await startTestServer({ dir, clock })
})
afterAll(async () => {
  await s.close()
  rmSync(dir, { recursive: true, force: true })
})
/** A restart: the server and its SQLite file closed, then opened again on the same file. */
async function restart() {
  await s.close()
  s = await startTestServer({ dir, clock })
}
const at = (iso: string) => { clock.set(iso); return s.services.jobs.runDue(clock.now()) }
type Sent = { to_name: string; text: string; dedupe_key: string }
const sentFor = (no: string): Sent[] => s.services.db.prepare(
  "SELECT to_name, text, dedupe_key FROM outbox WHERE dedupe_key NOT LIKE 'digest:%' AND text LIKE ? ORDER BY id").all(`%${no}%`) as Sent[]
const jobMessagesFor = (no: string) => sentFor(no).filter((m) => /^【(即将到期|已超期|超期督办)/.test(m.text))
const ticket = async (ref: string | number) => (await s.call(T.admin, 'GET', `/api/tickets/${ref}`)).body

describe('deadline reminders and overdue flags', () => {
  it('reminds the assignee before the deadline, then flags the ticket and tells the level above — once each, across reruns and a restart', async () => {
    clock.set('2026-11-23T01:00:00Z')
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    expect(t.deadlines.acceptBy).toBe('2026-11-23T03:00:00.000Z') // 2 working hours: 11:00 Beijing

    at('2026-11-23T02:29:00Z')
    expect(jobMessagesFor(t.no)).toEqual([])
    at('2026-11-23T02:30:00Z') // half an hour before
    at('2026-11-23T02:31:00Z')
    expect(jobMessagesFor(t.no).map((m) => [m.to_name, m.text.split('\n')[0]])).toEqual([['王强', `【即将到期 ${t.no}】柳树村一网格 · 基础设施：${t.summary}`]])
    expect(jobMessagesFor(t.no)[0]!.text).toContain(`请于 11-23 11:00 前受理，回复“受理 ${t.no}”`)

    await restart()
    at('2026-11-23T03:00:00Z') // the deadline passes
    at('2026-11-23T03:00:00Z')
    await restart()
    at('2026-11-23T03:05:00Z')
    const overdue = jobMessagesFor(t.no).slice(1)
    expect(overdue.map((m) => m.to_name)).toEqual(['王强', '李长河']) // the assignee, then the village secretary above
    expect(overdue[0]!.text).toContain('受理时限 11-23 11:00 已过')
    expect(overdue[1]!.text).toMatch(new RegExp(`^【超期督办 ${t.no}】柳树村一网格 · 网格 · 基础设施`))
    expect(overdue[1]!.text).toContain('经办：王强')

    const after = await ticket(t.id)
    expect(after.flags).toMatchObject({ overdue: true, lateAccept: true, lateResolve: false })
    expect(after.events.filter((e: { action: string }) => e.action === 'overdue')).toEqual([
      expect.objectContaining({ actor: { kind: 'system', id: null, name: '系统' }, note: '超过受理时限，已报李长河督办', data: expect.objectContaining({ deadline: 'accept' }) }),
    ])

    // Resolving: 1 day at grid level, so the reminder comes a quarter of it (6 h) before 09:00 on Tuesday.
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/accept`, {})
    at('2026-11-23T18:59:00Z')
    expect(jobMessagesFor(t.no)).toHaveLength(3)
    at('2026-11-23T19:00:00Z')
    expect(jobMessagesFor(t.no).at(-1)!.text).toMatch(new RegExp(`^【即将到期 ${t.no}】`))
    expect(jobMessagesFor(t.no).at(-1)!.text).toContain('请于 11-24 09:00 前办结')
    at('2026-11-24T01:00:00Z')
    at('2026-11-24T01:01:00Z')
    const last = jobMessagesFor(t.no).slice(4)
    expect(last.map((m) => m.to_name)).toEqual(['王强', '李长河'])
    expect(last[0]!.text).toContain('办结时限 11-24 09:00 已过')
    expect((await ticket(t.id)).flags).toMatchObject({ lateAccept: true, lateResolve: true })
  })

  it('an emergency gets its reminder five minutes before the 15-minute acceptance deadline', async () => {
    clock.set('2026-11-24T12:00:00Z') // 20:00 Beijing: emergencies do not wait for office hours
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal({ intent: 'emergency', urgent: true, text: '三组老王家着火了', category: 'safety' }))).body.ticket
    at('2026-11-24T12:09:59Z')
    expect(jobMessagesFor(t.no)).toEqual([])
    at('2026-11-24T12:10:00Z')
    expect(jobMessagesFor(t.no).map((m) => m.text.slice(0, 7))).toEqual(['【即将到期 W'])
  })

  it('an escalated ticket that runs late is reported to the township office', async () => {
    clock.set('2026-11-25T01:00:00Z')
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/escalate`, { reason: '需要村里协调' })
    const up = await ticket(t.id)
    expect(up.level).toBe('village')
    at(new Date(new Date(up.deadlines.acceptBy).getTime() + 60_000).toISOString())
    expect(jobMessagesFor(t.no).filter((m) => m.text.startsWith('【超期督办')).map((m) => m.to_name)).toEqual(['宋佳怡'])
  })
})

describe('the daily digest', () => {
  const digests = (date: string) => s.services.db.prepare('SELECT to_name, text FROM outbox WHERE dedupe_key LIKE ? ORDER BY to_name')
    .all(`digest:${date}:%`) as Array<{ to_name: string; text: string }>

  it('goes at 08:00 Beijing to grid workers and grid heads with open tickets, listing what is late first', async () => {
    at('2026-11-26T23:59:00Z') // 07:59 on Friday 27th
    expect(digests('2026-11-27')).toEqual([])
    at('2026-11-27T00:00:00Z')
    at('2026-11-27T00:01:00Z')
    const sent = digests('2026-11-27')
    expect(sent.map((d) => d.to_name).sort()).toEqual(['王强', '王秀兰'])
    const wang = sent.find((d) => d.to_name === '王强')!.text
    expect(wang).toMatch(/^【每日工单 11月27日】在办 \d+ 件，其中超期 \d+ 件：/)
    expect(wang.split('\n')[1]).toContain('【超期】')
  })

  it('a digest missed while the server was down goes out once when it comes back that day, and never twice', async () => {
    await s.close()
    clock.set('2026-11-28T02:30:00Z') // down through 08:00 Saturday, back at 10:30
    s = await startTestServer({ dir, clock })
    expect(s.services.jobs.runDue(clock.now()).digests).toBe(2)
    expect(s.services.jobs.runDue(clock.now()).digests).toBe(0)
    await restart()
    expect(s.services.jobs.runDue(clock.now()).digests).toBe(0)
    expect(digests('2026-11-28')).toHaveLength(2)
  })
})

describe('auto-close of unrated tickets', () => {
  afterEach(() => { clock.set('2026-11-23T01:00:00Z') })

  it('closes a resolved ticket nobody rated after 7 days, as unrated, through the event log', async () => {
    clock.set('2026-11-30T02:00:00Z')
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/accept`, {})
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/resolve`, { result: '已修好' })
    at('2026-12-07T01:59:00Z')
    expect((await ticket(t.id)).status).toBe('resolved')
    at('2026-12-07T02:00:00Z')
    await restart()
    at('2026-12-07T02:01:00Z')
    const closed = await ticket(t.id)
    expect(closed).toMatchObject({ status: 'closed', rating: null, closedAt: '2026-12-07T02:00:00.000Z' })
    expect(closed.events.filter((e: { action: string }) => e.action === 'close')).toEqual([
      expect.objectContaining({ fromStatus: 'resolved', toStatus: 'closed', actor: { kind: 'system', id: null, name: '系统' }, data: { auto: true, rating: null } }),
    ])
  })

  it('leaves rated tickets, fresher ones, and ones still waiting for the grid head’s check', async () => {
    clock.set('2026-12-01T02:00:00Z')
    const fresh = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    await s.call(T.wangqiang, 'POST', `/api/tickets/${fresh.id}/accept`, {})
    const village = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    await s.call(T.wangqiang, 'POST', `/api/tickets/${village.id}/escalate`, { reason: '需村里出面' })
    await s.call(T.lichanghe, 'POST', `/api/tickets/${village.id}/accept`, {})
    await s.call(T.lichanghe, 'POST', `/api/tickets/${village.id}/resolve`, { result: '村里已协调' })
    clock.set('2026-12-05T02:00:00Z')
    await s.call(T.wangqiang, 'POST', `/api/tickets/${fresh.id}/resolve`, { result: '已修好' })
    at('2026-12-09T02:00:00Z')
    expect((await ticket(fresh.id)).status).toBe('resolved') // resolved 4 days ago
    expect((await ticket(village.id))).toMatchObject({ status: 'resolved', flags: { needsVerification: true } })
    at('2026-12-12T02:00:00Z')
    expect((await ticket(fresh.id)).status).toBe('closed')
    expect((await ticket(village.id)).status).toBe('resolved')
  })
})
