import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { seedDemoHistory } from '../../server/metrics/demo-history.ts'
import { BROWSER_FLOW_MS, launchBrowser, login, newPage, PHONE, openRoute, screenshot } from '../helpers/browser.ts'
import { startTestServer, T, type TestServer } from '../helpers/server.ts'

// The dashboard over the real server, with the demo's ticket history played in: a county operator reads the ladder,
// sees the charts drawn and exports the table.

let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startTestServer()
  seedDemoHistory(server.services, { now: server.clock.now() })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const percent = (r: { value: number | null }) => (r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%`)

describe('the dashboard page', { timeout: BROWSER_FLOW_MS }, () => {
  it('a county operator sees the ladder up front, the charts drawn, and exports the table as CSV', async () => {
    const api = await server.call(T.sunlihua, 'GET', '/api/metrics')
    expect(api.status).toBe(200)
    const { page, context } = await newPage(browser)
    await login(page, server.url, '孙立华')
    await page.click('[data-nav=dashboard]')
    await page.waitForSelector('.page-dashboard .ladder .figure')

    const ladder = await page.locator('.page-dashboard .ladder .card').allInnerTexts()
    expect(ladder.map((t) => t.split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 2))).toEqual([
      [percent(api.body.total.gridLevel), '微事不出格率'],
      [percent(api.body.total.villageLevel), '小事不出村率'],
      [percent(api.body.total.townshipLevel), '大事不出乡率'],
    ])
    expect(await page.getAttribute('.page-dashboard .ladder .card >> nth=0', 'title')).toContain('在网格层级办结的工单数 ÷ 已办结数')
    expect(await page.inputValue('select[name=areaId]')).toBe('HS')
    expect(await page.inputValue('input[name=from]')).toBe(api.body.from)

    // chart.js drew all three: each canvas has a chart with data in it.
    await page.waitForFunction(() => [...document.querySelectorAll('.page-dashboard canvas')].every((c) => (window as any).Chart?.getChart(c)))
    const drawn = await page.evaluate(() => [...document.querySelectorAll('.page-dashboard canvas')].map((c) => {
      const chart = (window as any).Chart.getChart(c)
      return { type: chart.config.type, points: chart.data.datasets[0].data.length, width: (c as HTMLCanvasElement).width }
    }))
    expect(drawn.map((d) => d.type)).toEqual(['bar', 'bar', 'doughnut'])
    expect(drawn.every((d) => d.points > 0 && d.width > 100)).toBe(true)
    expect(await page.locator('script[src="/console/vendor/chart.umd.js"]').count()).toBe(1)

    const rows = await page.locator('.page-dashboard table tbody tr').allInnerTexts()
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['柳河镇', '城关街道', '合计'])
    await screenshot(page, 'dashboard')

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 CSV')])
    const bytes = readFileSync((await download.path())!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toMatch(/^区域,上报工单数,有效工单数,已办结数,按时受理率/)
    expect(lines[1]).toMatch(/^柳河镇,\d+,/)
    expect(lines[3]).toBe(`合计,${api.body.total.total},${api.body.total.valid},${api.body.total.resolved},${percent(api.body.total.onTimeAccept)},${lines[3]!.split(',').slice(5).join(',')}`)
    expect(download.suggestedFilename()).toMatch(/^看板指标_淮水县_.*\.csv$/)

    // Narrowing to a village redraws with its grids.
    await page.selectOption('select[name=areaId]', 'HS0101')
    await page.waitForFunction(() => document.querySelector('.page-dashboard table tbody tr td')?.textContent === '柳树村一网格')
    await context.close()
  })

  it('fits a phone screen, and a grid worker only gets their own grid to pick', async () => {
    const { page, context } = await newPage(browser, PHONE)
    await login(page, server.url, '王强')
    await openRoute(page, server.url, '#/dashboard')
    await page.waitForSelector('.page-dashboard .ladder .figure')
    await page.waitForFunction(() => [...document.querySelectorAll('.page-dashboard canvas')].every((c) => (window as any).Chart?.getChart(c)))
    expect(await page.locator('select[name=areaId] option').allInnerTexts()).toEqual(['柳树村一网格'])
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(page, 'dashboard-phone')
    await context.close()
  })

  it('tells a county department, which has no area figures, why the page is empty', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server.url, '冯建军')
    await openRoute(page, server.url, '#/dashboard')
    await page.waitForSelector('.page-dashboard .ladder .error')
    expect(await page.locator('.page-dashboard .ladder .error').innerText()).toBe('您没有可查看统计数据的辖区')
    await context.close()
  })
})
