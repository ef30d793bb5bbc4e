import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoHistory, type DemoHistoryResult } from '../../server/metrics/demo-history.ts'
import { startTestServer, T, type TestServer } from '../helpers/server.ts'

let s: TestServer
let result: DemoHistoryResult
beforeAll(async () => {
  s = await startTestServer()
  result = seedDemoHistory(s.services, { now: s.clock.now() })
})
afterAll(async () => { await s.close() })

const county90 = async (query = '') => {
  const r = await s.call(T.admin, 'GET', `/api/metrics?areaId=HS&from=2026-08-25&to=2026-11-23${query}`)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}

describe('demo ticket history', () => {
  it('plays a few hundred tickets of the last 90 days through without a failure', async () => {
    expect(result.failures).toBe(0)
    expect(result.tickets).toBeGreaterThan(250)
    const r = await county90()
    expect(r.total.total).toBe(result.tickets)
    // Nothing was queued for WeChat: none of it happened.
    expect(s.services.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 })
  })

  it('gives a non-trivial ladder and every figure a value', async () => {
    const { total } = await county90()
    const [grid, village, township] = [total.gridLevel.value, total.villageLevel.value, total.townshipLevel.value]
    expect(grid).toBeGreaterThan(0.5)
    expect(village).toBeGreaterThan(grid)
    expect(township).toBeGreaterThan(village)
    expect(township).toBeLessThan(1)
    for (const name of ['onTimeAccept', 'onTimeResolve', 'overdue', 'satisfaction', 'resolution', 'reopen', 'returned']) {
      expect(total[name].value, name).toBeGreaterThan(0)
      expect(total[name].value, name).toBeLessThan(1)
    }
    expect(total.avgResolveHours).toBeGreaterThan(1)
  })

  it('spreads over every township, the months and most categories', async () => {
    const byArea = await county90('&groupBy=area')
    expect(byArea.rows.every((r: any) => r.metrics.total > 50)).toBe(true)
    const byMonth = await county90('&groupBy=period&period=month')
    expect(byMonth.rows.map((r: any) => r.key)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11'])
    expect(byMonth.rows.slice(1).every((r: any) => r.metrics.total > 60)).toBe(true)
    const byCategory = await county90('&groupBy=category')
    expect(byCategory.rows.filter((r: any) => r.metrics.total > 0).length).toBeGreaterThanOrEqual(9)
  })

  it('is the same history for the same seed', async () => {
    const other = await startTestServer()
    try {
      const again = seedDemoHistory(other.services, { now: other.clock.now() })
      expect(again).toEqual(result)
      const sql = 'SELECT no, category, status, level, grid_code, created_at, resolved_level, rating FROM tickets ORDER BY id'
      expect(other.services.db.prepare(sql).all()).toEqual(s.services.db.prepare(sql).all())
    } finally {
      await other.close()
    }
  })
})
