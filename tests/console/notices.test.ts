import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { BROWSER_FLOW_MS, login, newPage, PHONE, openRoute, screenshot } from '../helpers/browser.ts'
import type { TestBot } from '../helpers/bot.ts'
import { startConsoleWorld, stopConsoleWorld } from '../helpers/console.ts'
import { type TestServer } from '../helpers/server.ts'

// The notices page over the real server and bot: schedule a notice in the console, move the injected clock to
// its time, and see it said in the group and shown as delivered.

let server: TestServer
let bot: TestBot
let browser: Browser
beforeAll(async () => { ({ server, bot, browser } = await startConsoleWorld()) })
afterAll(() => stopConsoleWorld({ server, bot, browser }))

const TEXT = '本月4日晚7点在村委会开展主题党日活动，请党员准时参加。'
const said = (room: string) => bot.world.transcript().filter((m) => m.fromBot && m.room === room && m.text.includes(TEXT))

describe('the notices page', { timeout: BROWSER_FLOW_MS }, () => {
  it('a village secretary schedules 主题党日 with a live preview; at the time it reaches the group and shows as delivered', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server.url, '李长河')
    await openRoute(page, server.url, '#/notices')
    await page.fill('#notice-title', '主题党日')
    await page.fill('#notice-text', TEXT)
    await page.check('input[name=notice-target][value=areas]')
    await page.check('[data-area=HS010101]')
    await page.check('#notice-when-schedule')
    await page.fill('#notice-cron', '0 18 4 *')
    await expect.poll(() => page.textContent('#notice-preview')).toContain('5 段')
    await page.fill('#notice-cron', '0 18 4 * *')
    await expect.poll(() => page.textContent('#notice-preview')).toContain('接下来：2026-12-04 18:00')
    expect(await page.textContent('#notice-preview')).toMatch(/^每月4日 18:00/)
    await screenshot(page, 'notices-compose')
    await page.click('#notice-submit')
    await page.waitForSelector('[data-notice] .tag.blue')
    const card = page.locator('[data-notice]').first()
    expect(await card.textContent()).toContain('定时：每月4日 18:00')
    expect(await card.textContent()).toContain('尚未发送')

    server.clock.set('2026-12-04T10:00:00Z')
    server.services.jobs.runDue(server.clock.now())
    await expect.poll(() => said('柳树村一网格群').length, { timeout: 10_000 }).toBe(1)
    // Eleven days on, the console session has expired: log in again and look.
    await login(page, server.url, '李长河')
    await expect.poll(async () => {
      await openRoute(page, server.url, '#/notices')
      await page.reload()
      await page.waitForSelector('[data-notice]', { timeout: 5_000 })
      return page.getAttribute('[data-notice] [data-room-topic="柳树村一网格群"]', 'data-status')
    }, { timeout: 15_000 }).toBe('sent')
    expect(said('柳树村二网格群')).toHaveLength(0)
    await screenshot(page, 'notices')
    await context.close()
  })

  it('works on a phone screen, and a bad schedule is refused in Chinese without saving', async () => {
    const { page, context } = await newPage(browser, PHONE)
    await login(page, server.url, '李长河')
    await openRoute(page, server.url, '#/notices')
    await page.waitForSelector('.notice-list h2')
    const before = await page.locator('[data-notice]').count()
    await page.fill('#notice-title', '错误的定时')
    await page.fill('#notice-text', '测试')
    await page.check('#notice-when-schedule')
    await page.fill('#notice-cron', '0 25 * * *')
    await page.click('#notice-submit')
    await expect.poll(() => page.textContent('#notice-error')).toContain('定时规则有误')
    expect(await page.locator('[data-notice]').count()).toBe(before)
    await screenshot(page, 'notices-phone')
    await context.close()
  })
})
