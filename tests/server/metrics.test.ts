import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appeal, asResident, startTestServer, T, type TestServer } from '../helpers/server.ts'

// One small history, built through the real API on the moved clock, then read back with every grouping.
// Monday 2026-11-23, 09:00 Beijing: eight appeals in 柳河镇. Accept deadline 11:00 (2 working hours), grid resolve
// deadline Tuesday 09:00. Hand-computed facts per ticket, as the figures below count them:
//   A 柳树村一网格 基础设施: accepted 09:30, resolved at grid 10:00 (1 h), rated 满意
//   B 柳树村一网格 生态环境: accepted 12:00 (late), resolved at grid 14:00 (5 h), rated 基本满意
//   C 柳树村二网格 基础设施: accepted, escalated to the village, accepted there, resolved at village 15:00, rated 不满意
//     (reopened), resolved again Tuesday 10:00 (25 h from filing), rated 满意
//   D 柳树村一网格 平安法治: accepted, escalated to the village, accepted, escalated to the township, accepted there,
//     resolved at township 16:00 (7 h), not rated
//   E 柳树村一网格 生态环境: escalated to the village unaccepted, returned to the grid (评哨), accepted 14:45 (deadline
//     15:00 after the return), resolved at grid 15:00 (6 h), not rated
//   F 柳树村二网格 其他: rejected as invalid (not a valid ticket)
//   G 柳树村一网格 基础设施: never touched: past its accept and its resolve deadline
//   H 桃园村一网格 民生保障: accepted 09:30, still open past its resolve deadline
// Tuesday 2026-12-01: J 桃园村二网格 at 07:00 Beijing (still November 30 in UTC), withdrawn by the resident at once;
//   I 柳树村一网格 基础设施 at 09:00, accepted on time, resolved late on Wednesday 10:00 (25 h).
let s: TestServer
const id: Record<string, number> = {}

const at = (local: string) => s.clock.set(`${local.replace(' ', 'T')}:00+08:00`)
const ok = async (token: string, key: string, action: string, body: Record<string, unknown> = {}) => {
  const r = await s.call(token, 'POST', `/api/tickets/${id[key]}/${action}`, body)
  expect(r.status, `${key} ${action}: ${JSON.stringify(r.body)}`).toBe(200)
}
const file = async (key: string, over: Record<string, unknown>) => {
  const r = await s.call(T.bot, 'POST', '/api/tickets', appeal(over))
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  id[key] = r.body.ticket.id
}
const metrics = async (query: string, token: string = T.admin) => {
  const r = await s.call(token, 'GET', `/api/metrics?${query}`)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}
const rate = (num: number, den: number) => ({ num, den, value: den ? num / den : null })

beforeAll(async () => {
  s = await startTestServer()
  at('2026-11-23 09:00')
  await file('A', { category: 'infrastructure', gridCode: 'HS010101', text: '二组村口路灯坏了' })
  await file('B', { category: 'environment', gridCode: 'HS010101', text: '河边有人倒垃圾' })
  await file('C', { category: 'infrastructure', gridCode: 'HS010102', text: '三组的小桥栏杆断了' })
  await file('D', { category: 'safety', gridCode: 'HS010101', text: '两家为宅基地边界吵起来了' })
  await file('E', { category: 'environment', gridCode: 'HS010101', text: '沟渠里有死鱼发臭' })
  await file('F', { category: 'other', gridCode: 'HS010102', text: '随便说说' })
  await file('G', { category: 'infrastructure', gridCode: 'HS010101', text: '水管漏水好几天了' })
  await file('H', { category: 'livelihood', gridCode: 'HS010201', text: '低保申请材料交了没回音' })

  at('2026-11-23 09:30')
  await ok(T.wangqiang, 'A', 'accept')
  await ok(T.zhaojing, 'C', 'accept')
  await ok(T.wangqiang, 'D', 'accept')
  await ok(T.wangqiang, 'E', 'escalate', { reason: '请村里处理' })
  await ok(T.zhaojing, 'F', 'reject', { reason: 'invalid', note: '不是诉求' })
  await ok(T.admin, 'H', 'accept')
  at('2026-11-23 10:00')
  await ok(T.wangqiang, 'A', 'resolve', { result: '已换灯泡' })
  await ok(T.zhaojing, 'C', 'escalate', { reason: '需村里出钱修' })
  await ok(T.wangqiang, 'D', 'escalate', { reason: '网格调解不成' })
  at('2026-11-23 10:30')
  await ok(T.lichanghe, 'C', 'accept')
  await ok(T.liudayong, 'D', 'accept')
  await ok(T.admin, 'E', 'return', { reason: '网格内即可处理' })
  at('2026-11-23 11:00')
  await ok(T.liudayong, 'D', 'escalate', { reason: '涉及土地确权' })
  at('2026-11-23 12:00')
  await ok(T.wangqiang, 'B', 'accept')
  at('2026-11-23 14:00')
  await ok(T.wangqiang, 'B', 'resolve', { result: '已清理' })
  at('2026-11-23 14:45')
  await ok(T.wangqiang, 'E', 'accept')
  await ok(T.tangweidong, 'D', 'accept')
  at('2026-11-23 15:00')
  await ok(T.lichanghe, 'C', 'resolve', { result: '已修好栏杆' })
  await ok(T.wangqiang, 'E', 'resolve', { result: '已打捞' })
  at('2026-11-23 16:00')
  await ok(T.tangweidong, 'D', 'resolve', { result: '已调解' })
  at('2026-11-23 17:00')
  await ok(T.bot, 'A', 'rate', { ...asResident(), rating: 'satisfied' })
  await ok(T.bot, 'B', 'rate', { ...asResident(), rating: 'basicallySatisfied' })
  await ok(T.bot, 'C', 'rate', { ...asResident(), rating: 'dissatisfied', comment: '只修了一半' })
  at('2026-11-24 10:00')
  await ok(T.lichanghe, 'C', 'resolve', { result: '栏杆全部换新' })
  at('2026-11-24 11:00')
  await ok(T.bot, 'C', 'rate', { ...asResident(), rating: 'satisfied' })

  at('2026-12-01 07:00')
  await file('J', { category: 'other', gridCode: 'HS010202', text: '门口的快递柜坏了' })
  await ok(T.bot, 'J', 'cancel', { ...asResident() })
  at('2026-12-01 09:00')
  await file('I', { category: 'infrastructure', gridCode: 'HS010101', text: '村委门口的路面塌了一块' })
  at('2026-12-01 09:30')
  await ok(T.wangqiang, 'I', 'accept')
  at('2026-12-02 10:00')
  await ok(T.wangqiang, 'I', 'resolve', { result: '已填平' })
  at('2026-12-02 11:00')
})
afterAll(async () => { await s.close() })

describe('dashboard figures', () => {
  it('counts every figure of the county for November exactly', async () => {
    const r = await metrics('areaId=HS&from=2026-11-01&to=2026-11-30')
    expect(r.area).toEqual({ code: 'HS', name: '淮水县', kind: 'county' })
    expect(r.total).toEqual({
      total: 8, valid: 7, resolved: 5,
      onTimeAccept: rate(8, 10), // 9 acceptances, B's late; G waits past its deadline
      onTimeResolve: rate(5, 7), // A B C D E on time; G and H open past their deadline
      overdue: rate(3, 7), // B (late accept), G, H
      avgResolveHours: 8.8, // (1 + 5 + 25 + 7 + 6) / 5
      satisfaction: rate(3, 4), // A 满意, B 基本满意, C 不满意 then 满意
      resolution: rate(5, 7),
      reopen: rate(1, 5), // C
      returned: rate(1, 4), // E returned; escalations C, D twice, E
      gridLevel: rate(3, 5), // A B E
      villageLevel: rate(4, 5), // + C
      townshipLevel: rate(5, 5), // + D
    })
    expect(r.rows.map((row: any) => [row.key, row.label, row.metrics.total])).toEqual([['HS01', '柳河镇', 8], ['HS02', '城关街道', 0]])
  })

  it('splits a township by village and a village by grid', async () => {
    const town = await metrics('areaId=HS01&from=2026-11-01&to=2026-11-30&groupBy=area')
    const [liushu, taoyuan] = town.rows
    expect(liushu).toMatchObject({ key: 'HS0101', label: '柳树村', metrics: {
      total: 7, valid: 6, resolved: 5, onTimeAccept: rate(7, 9), onTimeResolve: rate(5, 6), overdue: rate(2, 6), resolution: rate(5, 6),
    } })
    expect(taoyuan).toMatchObject({ key: 'HS0102', label: '桃园村', metrics: {
      total: 1, valid: 1, resolved: 0, onTimeAccept: rate(1, 1), onTimeResolve: rate(0, 1), overdue: rate(1, 1), avgResolveHours: null,
      gridLevel: rate(0, 0), satisfaction: rate(0, 0),
    } })

    const village = await metrics('areaId=HS0101&from=2026-11-01&to=2026-11-30')
    expect(village.rows.map((row: any) => row.key)).toEqual(['HS010101', 'HS010102', 'HS010103'])
    expect(village.rows[0].metrics).toMatchObject({
      total: 5, resolved: 4, gridLevel: rate(3, 4), villageLevel: rate(3, 4), townshipLevel: rate(4, 4), returned: rate(1, 3), avgResolveHours: 4.8,
    })
    expect(village.rows[1].metrics).toMatchObject({
      total: 2, valid: 1, gridLevel: rate(0, 1), villageLevel: rate(1, 1), satisfaction: rate(1, 2), reopen: rate(1, 1), onTimeAccept: rate(2, 2),
    })
    expect(village.rows[2].metrics).toMatchObject({ total: 0, resolution: rate(0, 0) })
  })

  it('groups by category, and filters by one', async () => {
    const r = await metrics('areaId=HS&from=2026-11-01&to=2026-11-30&groupBy=category')
    const row = (key: string) => r.rows.find((x: any) => x.key === key)
    expect(r.rows).toHaveLength(10)
    expect(row('infrastructure')).toMatchObject({ label: '基础设施', metrics: { total: 3, resolution: rate(2, 3), satisfaction: rate(2, 3) } })
    expect(row('environment').metrics).toMatchObject({ total: 2, resolved: 2, returned: rate(1, 1), overdue: rate(1, 2) })
    expect(row('other').metrics).toMatchObject({ total: 1, valid: 0, resolution: rate(0, 0) })

    const only = await metrics('areaId=HS0101&from=2026-11-01&to=2026-11-30&category=infrastructure')
    expect(only.category).toBe('infrastructure')
    expect(only.rows.map((x: any) => x.metrics.total)).toEqual([2, 1, 0]) // A G | C
    expect(only.total).toMatchObject({ total: 3, resolved: 2, gridLevel: rate(1, 2) })
  })

  it('groups by day, week and month, every period listed even when empty', async () => {
    const byMonth = await metrics('areaId=HS&from=2026-11-01&to=2026-12-31&groupBy=period&period=month')
    expect(byMonth.rows.map((x: any) => [x.key, x.label, x.metrics.total])).toEqual([['2026-11', '2026年11月', 8], ['2026-12', '2026年12月', 2]])
    expect(byMonth.rows[1].metrics).toMatchObject({
      valid: 1, // J was withdrawn
      onTimeAccept: rate(1, 1), onTimeResolve: rate(0, 1), overdue: rate(1, 1), avgResolveHours: 25, gridLevel: rate(1, 1),
    })
    expect(byMonth.total.total).toBe(10)

    const byDay = await metrics('areaId=HS&from=2026-11-22&to=2026-11-24&groupBy=period&period=day')
    expect(byDay.rows.map((x: any) => [x.key, x.metrics.total])).toEqual([['2026-11-22', 0], ['2026-11-23', 8], ['2026-11-24', 0]])
    const turn = await metrics('areaId=HS&from=2026-11-30&to=2026-12-01&groupBy=period&period=day')
    expect(turn.rows.map((x: any) => [x.key, x.metrics.total])).toEqual([['2026-11-30', 0], ['2026-12-01', 2]]) // J is Beijing's 1st

    const byWeek = await metrics('areaId=HS&from=2026-11-20&to=2026-12-03&groupBy=period&period=week')
    expect(byWeek.rows.map((x: any) => [x.key, x.label, x.metrics.total])).toEqual([
      ['2026-11-16', '2026-11-16 起一周', 0], ['2026-11-23', '2026-11-23 起一周', 8], ['2026-11-30', '2026-11-30 起一周', 2],
    ])
  })

  it('counts days in Beijing time: a ticket filed at 07:00 Beijing on the 1st is not in the month before', async () => {
    const r = await metrics('areaId=HS&from=2026-12-01&to=2026-12-01')
    expect(r.total.total).toBe(2)
    const before = await metrics('areaId=HS&from=2026-11-24&to=2026-11-30')
    expect(before.total.total).toBe(0)
  })

  it('defaults to the caller’s own area and the last 30 days', async () => {
    const mine = await metrics('', T.wangqiang)
    expect(mine).toMatchObject({ area: { code: 'HS010101' }, from: '2026-11-03', to: '2026-12-02', groupBy: 'area' })
    expect(mine.rows).toHaveLength(1)
    expect(mine.total.total).toBe(6) // A B D E G and December's I
    const head = await metrics('', T.wangxiulan) // 网格长 of a grid and 纪检委员 of its village: the village
    expect(head.area.code).toBe('HS0101')
  })
})

describe('who may read which figures', () => {
  it('a grid worker asking for another grid is refused in Chinese', async () => {
    const r = await s.call(T.wangqiang, 'GET', '/api/metrics?areaId=HS010102')
    expect(r.status).toBe(403)
    expect(r.body.error).toMatchObject({ code: 'forbidden', field: 'areaId' })
    expect(r.body.error.message).toContain('只能查看本辖区')
    const up = await s.call(T.wangqiang, 'GET', '/api/metrics?areaId=HS0101')
    expect(up.status).toBe(403)
  })

  it('an admin of one community cannot read a township; a county department and a bot read no area figures', async () => {
    expect((await s.call(T.hepingAdmin, 'GET', '/api/metrics?areaId=HS01')).status).toBe(403)
    expect((await s.call(T.hepingAdmin, 'GET', '/api/metrics?areaId=HS020201')).status).toBe(200)
    const dept = await s.call(T.gaozhenyu, 'GET', '/api/metrics')
    expect(dept.status).toBe(403)
    expect(dept.body.error.code).toBe('forbidden')
    expect((await s.call(T.bot, 'GET', '/api/metrics')).status).toBe(403)
    expect((await s.call(null, 'GET', '/api/metrics')).status).toBe(401)
  })
})

describe('bad queries', () => {
  const bad = async (query: string, code: string, field: string) => {
    const r = await s.call(T.admin, 'GET', `/api/metrics?${query}`)
    expect(r.status, JSON.stringify(r.body)).toBe(400)
    expect(r.body.error).toMatchObject({ code, field })
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/)
  }
  it('refuses a bad date, an unknown area, a range backwards and an unknown grouping', async () => {
    await bad('from=2026-02-30', 'invalid_input', 'from')
    await bad('to=11/30/2026', 'invalid_input', 'to')
    await bad('areaId=XX999', 'unknown_area', 'areaId')
    await bad('from=2026-11-30&to=2026-11-01', 'invalid_range', 'from')
    await bad('groupBy=person', 'invalid_input', 'groupBy')
    await bad('period=year&groupBy=period', 'invalid_input', 'period')
    await bad('category=weather', 'invalid_input', 'category')
    await bad('groupBy=period&period=day&from=2024-01-01&to=2026-11-30', 'range_too_long', 'period')
  })

  it('says xlsx is not offered and points to CSV', async () => {
    const r = await s.call(T.admin, 'GET', '/api/metrics/export?format=xlsx')
    expect(r.status).toBe(400)
    expect(r.body.error).toMatchObject({ code: 'unsupported_format', field: 'format' })
    expect(r.body.error.message).toContain('CSV')
  })
})

describe('CSV export', () => {
  it('is UTF-8 with a BOM, a Chinese header, one line per row, the total and the definitions', async () => {
    const res = await fetch(`${s.url}/api/metrics/export?format=csv&areaId=HS01&from=2026-11-01&to=2026-11-30`, { headers: { authorization: `Bearer ${T.admin}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('看板指标_柳河镇_2026-11-01至2026-11-30_按区域.csv')}`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n')
    expect(lines[0]).toBe('区域,上报工单数,有效工单数,已办结数,按时受理率,按期办结率,超期率,平均办结时长（小时）,满意率,解决率,发回重办率,退回率（评哨）,微事不出格率,小事不出村率,大事不出乡率')
    expect(lines[1]).toBe('柳树村,7,6,5,77.8%,83.3%,33.3%,8.8,75.0%,83.3%,20.0%,25.0%,60.0%,80.0%,100.0%')
    expect(lines[2]).toBe('桃园村,1,1,0,100.0%,0.0%,100.0%,,,0.0%,,,,,')
    expect(lines[3]).toBe('合计,8,7,5,80.0%,71.4%,42.9%,8.8,75.0%,71.4%,20.0%,25.0%,60.0%,80.0%,100.0%')
    expect(lines).toContain('日期,2026-11-01 至 2026-11-30')
    expect(lines.some((l) => l.startsWith('微事不出格率,在网格层级办结的工单数 ÷ 已办结数'))).toBe(true)
  })

  it('is refused like the figures to someone outside the area', async () => {
    const r = await s.call(T.zhaojing, 'GET', '/api/metrics/export?areaId=HS010101')
    expect(r.status).toBe(403)
  })

  it('serves the definitions the dashboard shows as help', async () => {
    const r = await s.call(T.wangqiang, 'GET', '/api/metrics/definitions')
    expect(r.status).toBe(200)
    expect(r.body.metrics.map((d: any) => d.key)).toContain('gridLevel')
    expect(r.body.metrics.find((d: any) => d.key === 'satisfaction')).toMatchObject({ label: '满意率', kind: 'rate' })
    expect(r.body.scope).toContain('北京时间')
  })
})

describe('after the first read', () => {
  it('follows every later change: a new ticket, and an old one finally accepted and resolved', async () => {
    const before = await metrics('areaId=HS010101&from=2026-11-01&to=2026-12-31')
    expect(before.total).toMatchObject({ total: 6, resolved: 5, gridLevel: rate(4, 5), onTimeAccept: rate(6, 8) })
    at('2026-12-02 14:00')
    await file('K', { category: 'environment', gridCode: 'HS010101', text: '垃圾桶满了没人清' })
    await ok(T.wangqiang, 'K', 'accept')
    await ok(T.wangqiang, 'G', 'accept') // nine days late
    at('2026-12-02 15:00')
    await ok(T.wangqiang, 'K', 'resolve', { result: '已清运' })
    await ok(T.wangqiang, 'G', 'resolve', { result: '已修好水管' })
    const after = await metrics('areaId=HS010101&from=2026-11-01&to=2026-12-31')
    expect(after.total).toMatchObject({
      total: 7, resolved: 7, gridLevel: rate(6, 7),
      onTimeAccept: rate(7, 9), // K on time, G late (and no longer waiting)
      onTimeResolve: rate(5, 7), // G and I late
    })
  })
})
