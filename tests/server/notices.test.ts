import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, T, testClock, type TestServer } from '../helpers/server.ts'

// Notices down the line (指挥通道) through the real API, to the outbox the bot pulls.

let s: TestServer
beforeAll(async () => { s = await startTestServer() })
afterAll(async () => { await s.close() })

const count = (table: string) => (s.services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const pull = async () => (await s.call(T.bot, 'GET', '/api/outbox?limit=200')).body.messages as Array<{ id: number; text: string; room: { topic: string } | null }>
const ack = (ids: number[]) => s.call(T.bot, 'POST', '/api/outbox/ack', { ids })
async function drain() {
  for (let batch = await pull(); batch.length; batch = await pull()) await ack(batch.map((m) => m.id))
}
const notice = (over: Record<string, unknown> = {}) => ({ title: '防汛通知', text: '近期有强降雨，请注意防范。', target: { kind: 'all' }, ...over })

describe('the schedule preview', () => {
  it.each([
    ['0 18 4 * *', '每月4日 18:00'],
    ['0 8 * * 1-5', '每个工作日 08:00'],
    ['30 9 * * 1,3', '每周一、周三 09:30'],
    ['0 20 * * 6,0', '每周六、周日 20:00'],
    ['0 9 1 1,7 *', '每年1月、7月1日 09:00'],
    ['0 7 * * *', '每天 07:00'],
    ['*/30 * * * *', '每30分钟'],
    ['0 8,14 * * *', '每天 08:00、14:00'],
    ['5 4 1-7 * 1', '按定时规则“5 4 1-7 * 1”发送'],
  ])('%s reads “%s”', async (schedule, preview) => {
    const r = await s.call(T.sunlihua, 'GET', `/api/notices/schedule-preview?schedule=${encodeURIComponent(schedule)}`)
    expect(r.status).toBe(200)
    expect(r.body.preview).toBe(preview)
  })

  it('gives the next three times in Beijing time', async () => {
    // The test clock: Monday 2026-11-23 09:00 Beijing.
    const r = await s.call(T.sunlihua, 'GET', `/api/notices/schedule-preview?schedule=${encodeURIComponent('0 18 4 * *')}`)
    expect(r.body.next).toEqual(['2026-12-04 18:00', '2027-01-04 18:00', '2027-02-04 18:00'])
  })

  it.each([
    ['61 8 * * *', '分钟'],
    ['0 0 8 * * *', '5 段'],
    ['每天八点', '5 段'],
    ['0 0 31 2 *', '日期'],
  ])('refuses %s in Chinese, naming the field', async (schedule, words) => {
    const r = await s.call(T.sunlihua, 'GET', `/api/notices/schedule-preview?schedule=${encodeURIComponent(schedule)}`)
    expect(r.status).toBe(400)
    expect(r.body.error).toMatchObject({ code: 'invalid_schedule', field: 'schedule' })
    expect(r.body.error.message).toContain(words)
  })
})

describe('sending now', () => {
  it('the county centre reaches every bound group, spaced 20 s apart, and sees each group’s delivery', async () => {
    await drain()
    const r = await s.call(T.sunlihua, 'POST', '/api/notices', notice())
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(r.body).toMatchObject({ status: 'sent', schedule: null, author: { name: '孙立华' }, target: { kind: 'all' } })
    const deliveries = r.body.runs[0].deliveries as Array<{ topic: string; status: string; notBefore: string }>
    expect(deliveries).toHaveLength(10)
    expect(deliveries.every((d) => d.status === 'queued')).toBe(true)
    const times = deliveries.map((d) => new Date(d.notBefore).getTime()).sort((a, b) => a - b)
    expect(times[0]).toBe(s.clock.now().getTime())
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual(Array(9).fill(20_000))

    // The bot gets one group now, the next when the clock reaches its time.
    const first = await pull()
    expect(first.map((m) => m.text)).toEqual(['【通知】防汛通知\n近期有强降雨，请注意防范。'])
    await ack(first.map((m) => m.id))
    expect(await pull()).toHaveLength(0)
    s.clock.advance(20_000)
    const second = await pull()
    expect(second).toHaveLength(1)
    expect(second[0]!.room!.topic).not.toBe(first[0]!.room!.topic)

    const after = (await s.call(T.sunlihua, 'GET', `/api/notices/${r.body.id}`)).body
    const byTopic = new Map((after.runs[0].deliveries as Array<{ topic: string; status: string }>).map((d) => [d.topic, d.status]))
    expect(byTopic.get(first[0]!.room!.topic)).toBe('sent')
    expect(byTopic.get(second[0]!.room!.topic)).toBe('queued')
    expect([...byTopic.values()].filter((v) => v === 'sent')).toHaveLength(1)
    s.clock.advance(10 * 60_000)
    await drain()
  })

  it('a second notice queues behind the first one still waiting for the same bot', async () => {
    await drain()
    const a = (await s.call(T.lichanghe, 'POST', '/api/notices', notice({ title: '甲', target: { kind: 'areas', areas: ['HS010101', 'HS010102'] } }))).body
    const b = (await s.call(T.lichanghe, 'POST', '/api/notices', notice({ title: '乙', target: { kind: 'areas', areas: ['HS010103'] } }))).body
    const lastA = Math.max(...a.runs[0].deliveries.map((d: { notBefore: string }) => new Date(d.notBefore).getTime()))
    expect(new Date(b.runs[0].deliveries[0].notBefore).getTime()).toBe(lastA + 20_000)
    s.clock.advance(60_000)
    await drain()
  })
})

describe('who may send where', () => {
  const areasOf = (n: { runs: Array<{ deliveries: Array<{ topic: string }> }> }) => n.runs[0]!.deliveries.map((d) => d.topic).sort()
  it.each([
    ['township office to its village', T.songjiayi, ['HS0101'], 201, ['柳树村一网格群', '柳树村三网格群', '柳树村二网格群', '柳树村村民群']],
    ['township office to another township', T.songjiayi, ['HS020101'], 403, null],
    ['village cadre to its grid', T.lichanghe, ['HS010102'], 201, ['柳树村二网格群']],
    ['village cadre to the next village', T.lichanghe, ['HS010201'], 403, null],
    ['community admin to its grid', T.hepingAdmin, ['HS020201'], 201, ['和平社区一网格群']],
    ['community admin to a village', T.hepingAdmin, ['HS0101'], 403, null],
    ['county admin to a township', T.admin, ['HS02'], 201, ['和平社区一网格群', '和平社区二网格群', '杏花村一网格群', '杏花村二网格群']],
  ])('%s', async (_name, token, areas, status, topics) => {
    const before = count('notices')
    const r = await s.call(token, 'POST', '/api/notices', notice({ target: { kind: 'areas', areas } }))
    expect(r.status, JSON.stringify(r.body)).toBe(status)
    if (topics) expect(areasOf(r.body)).toEqual(topics)
    else {
      expect(r.body.error).toMatchObject({ code: 'forbidden', field: 'target.areas.0' })
      expect(r.body.error.message).toContain('不在您的管辖范围内')
      expect(count('notices')).toBe(before)
    }
  })

  it('“all” means all the sender may reach', async () => {
    const r = await s.call(T.lichanghe, 'POST', '/api/notices', notice())
    expect(areasOf(r.body)).toEqual(['柳树村一网格群', '柳树村三网格群', '柳树村二网格群', '柳树村村民群'])
  })

  it.each([['grid worker', T.wangqiang], ['bot', T.bot], ['county department', T.fengjianjun]])('a %s may not send notices', async (_n, token) => {
    const before = [count('notices'), count('outbox')]
    const r = await s.call(token, 'POST', '/api/notices', notice())
    expect(r.status).toBe(403)
    expect(r.body.error.code).toBe('forbidden')
    expect([count('notices'), count('outbox')]).toEqual(before)
  })

  it('each sees the notices of their own area; a grid worker sees none', async () => {
    const village = (await s.call(T.lichanghe, 'GET', '/api/notices')).body.items as Array<{ areas: Array<{ code: string }>; author: { name: string } }>
    expect(village.length).toBeGreaterThan(0)
    expect(village.every((n) => n.author.name === '李长河' || n.areas.some((a) => a.code.startsWith('HS0101')))).toBe(true)
    const county = (await s.call(T.sunlihua, 'GET', '/api/notices')).body.items
    expect(county.length).toBeGreaterThan(village.length)
    expect((await s.call(T.wangqiang, 'GET', '/api/notices')).body.items).toEqual([])
  })
})

describe('bad input changes nothing', () => {
  it.each([
    ['a bad cron expression', notice({ schedule: '0 25 * * *' }), 400, 'invalid_schedule', 'schedule'],
    ['a six-field cron expression', notice({ schedule: '0 0 18 4 * *' }), 400, 'invalid_schedule', 'schedule'],
    ['an unknown area', notice({ target: { kind: 'areas', areas: ['HS0101', 'XX99'] } }), 422, 'unknown_area', 'target.areas.1'],
    ['an unknown kind of target', notice({ target: { kind: 'planet' } }), 400, 'invalid_input', 'target.kind'],
    ['no areas', notice({ target: { kind: 'areas', areas: [] } }), 400, 'invalid_input', 'target.areas'],
    ['an empty title', notice({ title: '  ' }), 400, 'invalid_input', 'title'],
  ])('%s', async (_name, body, status, code, field) => {
    const before = [count('notices'), count('outbox'), count('notice_runs')]
    const r = await s.call(T.sunlihua, 'POST', '/api/notices', body)
    expect(r.status, JSON.stringify(r.body)).toBe(status)
    if (code) {
      expect(r.body.error).toMatchObject({ code, field })
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/)
      expect([count('notices'), count('outbox'), count('notice_runs')]).toEqual(before)
    }
  })

  it('an area with no bound group is refused with no_rooms', async () => {
    s.services.db.prepare("INSERT INTO areas (code, name, kind, parent_code) VALUES ('HS010299', '桃园村新网格', 'grid', 'HS0102')").run()
    const before = count('notices')
    const r = await s.call(T.sunlihua, 'POST', '/api/notices', notice({ target: { kind: 'areas', areas: ['HS010299'] } }))
    expect(r.status).toBe(422)
    expect(r.body.error).toMatchObject({ code: 'no_rooms', field: 'target' })
    expect(count('notices')).toBe(before)
  })

  it('an unknown notice is 404 and another area’s notice is hidden', async () => {
    expect((await s.call(T.sunlihua, 'GET', '/api/notices/999999')).body.error.code).toBe('notice_not_found')
    const county = (await s.call(T.sunlihua, 'POST', '/api/notices', notice({ target: { kind: 'areas', areas: ['HS02'] } }))).body
    expect((await s.call(T.lichanghe, 'GET', `/api/notices/${county.id}`)).status).toBe(404)
  })
})

describe('on a schedule', () => {
  it('sends at each occurrence once, however often the jobs run, and not after it is stopped', async () => {
    await drain()
    const r = await s.call(T.lichanghe, 'POST', '/api/notices', notice({ title: '主题党日', schedule: '0 18 4 * *', target: { kind: 'areas', areas: ['HS010101'] } }))
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(r.body).toMatchObject({ status: 'scheduled', schedulePreview: '每月4日 18:00', nextRunAt: '2026-12-04T10:00:00.000Z', runs: [] })
    const id = r.body.id
    const runs = () => s.services.db.prepare('SELECT count(*) AS n FROM notice_runs WHERE notice_id = ?').get(id) as { n: number }

    expect(s.services.jobs.runDue(new Date('2026-12-04T09:59:00Z')).notices).toBe(0)
    expect(runs().n).toBe(0)
    expect(s.services.jobs.runDue(new Date('2026-12-04T10:00:00Z')).notices).toBe(1)
    expect(s.services.jobs.runDue(new Date('2026-12-04T10:00:30Z')).notices).toBe(0)
    expect(s.services.jobs.runDue(new Date('2026-12-04T10:07:00Z')).notices).toBe(0)
    expect(runs().n).toBe(1)
    s.clock.set('2026-12-04T10:07:00Z')
    const seen = (await s.call(T.lichanghe, 'GET', `/api/notices/${id}`)).body
    expect(seen.runs).toHaveLength(1)
    expect(seen.runs[0]).toMatchObject({ dueAt: '2026-12-04T10:00:00.000Z', deliveries: [{ topic: '柳树村一网格群', status: 'queued' }] })
    expect(seen.nextRunAt).toBe('2027-01-04T10:00:00.000Z')

    // Someone else's village may not stop it; its author may.
    expect((await s.call(T.zhaojing, 'POST', `/api/notices/${id}/cancel`, {})).status).toBe(404)
    const stopped = await s.call(T.lichanghe, 'POST', `/api/notices/${id}/cancel`, {})
    expect(stopped.body).toMatchObject({ status: 'cancelled', nextRunAt: null })
    expect((await s.call(T.lichanghe, 'POST', `/api/notices/${id}/cancel`, {})).body.error.code).toBe('not_scheduled')
    expect(s.services.jobs.runDue(new Date('2027-01-04T10:00:00Z')).notices).toBe(0)
    expect(runs().n).toBe(1)
  })

  it('an occurrence missed while the server was down goes out once when it is back (within a day), and a restart does not repeat it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-notice-'))
    const clock = testClock()
    try {
      let a = await startTestServer({ dir, clock })
      const id = (await a.call(T.lichanghe, 'POST', '/api/notices', notice({ title: '早班提醒', schedule: '0 9 * * *', target: { kind: 'areas', areas: ['HS010101'] } }))).body.id
      await a.close()
      // Down from Monday 09:00 until Tuesday 11:30: Tuesday's 09:00 is sent once, late; Monday's is past the catch-up window.
      clock.set('2026-11-24T03:30:00Z')
      a = await startTestServer({ dir, clock })
      expect(a.services.jobs.runDue(clock.now()).notices).toBe(1)
      await a.close()
      a = await startTestServer({ dir, clock })
      expect(a.services.jobs.runDue(clock.now()).notices).toBe(0)
      const seen = (await a.call(T.lichanghe, 'GET', `/api/notices/${id}`)).body
      expect(seen.runs.map((r: { dueAt: string }) => r.dueAt)).toEqual(['2026-11-24T01:00:00.000Z'])
      expect(a.services.jobs.runDue(new Date('2026-11-25T01:00:00Z')).notices).toBe(1)
      await a.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
